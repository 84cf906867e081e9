return await CrossCheck.Cli.CliApp.RunAsync(args);
