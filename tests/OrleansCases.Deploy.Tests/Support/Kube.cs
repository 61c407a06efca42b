using Xunit;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>Every Kubernetes object of deploy/k8s (kustomization.yaml aside), with the file it came from.</summary>
public static class Kube
{
    public static IReadOnlyList<(string File, Node Object)> Objects { get; } =
        [.. RepoFiles.KubernetesFiles()
            .Where(f => !f.EndsWith("/kustomization.yaml", StringComparison.Ordinal))
            .SelectMany(f => Yaml.Documents(RepoFiles.Read(f)).Select(d => (f, d)))];

    public static IEnumerable<Node> OfKind(string kind) => Objects.Select(o => o.Object).Where(o => o["kind"].Text == kind);

    public static Node Named(string kind, string name) => Assert.Single(OfKind(kind), o => o["metadata", "name"].Text == name);

    public static IEnumerable<Node> Deployments => OfKind("Deployment");

    public static Node Silo => Assert.Single(Deployments, d => AppOf(d) == AppKind.Silo);

    public static Node Web => Assert.Single(Deployments, d => AppOf(d) == AppKind.Web);

    /// <summary>Which host a Deployment runs: told by its image's name (orleanscases-silo or orleanscases-web).</summary>
    public static AppKind AppOf(Node deployment)
    {
        var image = Container(deployment)["image"].RequiredText("image");
        return image.Contains("orleanscases-silo", StringComparison.Ordinal) ? AppKind.Silo
            : image.Contains("orleanscases-web", StringComparison.Ordinal) ? AppKind.Web
            : throw new Xunit.Sdk.XunitException($"image {image} is neither the silo nor the web");
    }

    public static Node Container(Node deployment) => Assert.Single(deployment["spec", "template", "spec", "containers"].Items);

    /// <summary>A container's env entries by name, in order (valueFrom entries included).</summary>
    public static IReadOnlyList<Node> Env(Node deployment) => Container(deployment)["env"].Items;

    /// <summary>A container's literal env values; valueFrom entries get a stand-in value.</summary>
    public static IReadOnlyDictionary<string, string> EnvValues(Node deployment) =>
        Env(deployment).ToDictionary(e => e["name"].RequiredText("env name"), e => e["value"].Text ?? "(from " + string.Join(",", e["valueFrom"].Entries.Select(v => v.Key)) + ")", StringComparer.Ordinal);

    /// <summary>The Secret and key a file path of a container reads: a volume mounted above it, of that Secret.</summary>
    public static (Node Secret, string Key) SecretFileOf(Node deployment, string file)
    {
        var mount = Assert.Single(Container(deployment)["volumeMounts"].Items, m => file.StartsWith(m["mountPath"].RequiredText("mountPath").TrimEnd('/') + "/", StringComparison.Ordinal));
        var volume = Assert.Single(deployment["spec", "template", "spec", "volumes"].Items, v => v["name"].Text == mount["name"].Text);
        var secret = Named("Secret", volume["secret", "secretName"].RequiredText($"volume {volume["name"].Text}: a Secret"));
        return (secret, file[(mount["mountPath"].Text!.TrimEnd('/').Length + 1)..]);
    }

    public static IReadOnlyDictionary<string, string> PodLabels(Node deployment) => deployment["spec", "template", "metadata", "labels"].Strings();

    /// <summary>The container port a Service or probe names (by port name or number), or null.</summary>
    public static int? ContainerPort(Node deployment, string nameOrNumber) =>
        Container(deployment)["ports"].Items
            .Where(p => p["name"].Text == nameOrNumber || p["containerPort"].Text == nameOrNumber)
            .Select(p => (int?)int.Parse(p["containerPort"].RequiredText("containerPort"), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();

    /// <summary>Whether a selector picks a Deployment's pods: every selector label is on the pod template.</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, Node deployment) =>
        selector.Count > 0 && selector.All(s => PodLabels(deployment).TryGetValue(s.Key, out var v) && v == s.Value);
}
