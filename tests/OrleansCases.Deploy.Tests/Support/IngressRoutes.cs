using Xunit;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>
/// Which Ingress of deploy/k8s serves a request path. ingress-nginx merges the Ingresses of one host and picks, as
/// nginx does, an Exact path first, else the longest Prefix (matched by whole segments, case-sensitively).
/// </summary>
public static class IngressRoutes
{
    /// <summary>Every path rule of every Ingress, with its Ingress.</summary>
    public static IReadOnlyList<(Node Ingress, Node Path)> All { get; } =
        [.. Kube.OfKind("Ingress").SelectMany(i => i["spec", "rules"].Items.SelectMany(r => r["http", "paths"].Items).Select(p => (i, p)))];

    public static Node IngressFor(string requestPath) => For(requestPath).Ingress;

    public static (Node Ingress, Node Path) For(string requestPath)
    {
        var matching = All.Where(r => Matches(r.Path, requestPath)).ToList();
        Assert.True(matching.Count > 0, $"no Ingress path serves {requestPath}");
        return matching
            .OrderByDescending(r => r.Path["pathType"].Text == "Exact")
            .ThenByDescending(r => r.Path["path"].RequiredText("path").Length)
            .First();
    }

    public static IReadOnlyDictionary<string, string> Annotations(Node ingress) => ingress["metadata", "annotations"].Strings();

    /// <summary>The container port a path's backend reaches: its Service's port, that port's target, in the pods it selects.</summary>
    public static (Node Deployment, int? Port) Target(Node path)
    {
        var backend = path["backend", "service"];
        var service = Kube.Named("Service", backend["name"].RequiredText("backend service"));
        var port = backend["port", "name"].Text ?? backend["port", "number"].RequiredText("backend port");
        var servicePort = Assert.Single(service["spec", "ports"].Items, p => p["name"].Text == port || p["port"].Text == port);
        var deployment = Assert.Single(Kube.Deployments, d => Kube.Selects(service["spec", "selector"].Strings(), d));
        return (deployment, Kube.ContainerPort(deployment, servicePort["targetPort"].Text ?? servicePort["port"].RequiredText("port")));
    }

    private static bool Matches(Node rule, string requestPath)
    {
        var path = rule["path"].RequiredText("path");
        if (rule["pathType"].Text == "Exact")
        {
            return requestPath == path;
        }

        var prefix = path.TrimEnd('/');
        return prefix.Length == 0 || requestPath == prefix || requestPath.StartsWith(prefix + "/", StringComparison.Ordinal);
    }
}
