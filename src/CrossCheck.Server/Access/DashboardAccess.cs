using Hangfire.Dashboard;

namespace CrossCheck.Server.Access;

/// <summary>The job dashboard at /jobs: behind the same tokens as the API; only an admin may act in it.</summary>
public sealed class DashboardAccess(bool admin) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        return admin ? user.IsInRole(ApiRoles.Admin) : user.IsInRole(ApiRoles.Read) || user.IsInRole(ApiRoles.Submit) || user.IsInRole(ApiRoles.Admin);
    }
}
