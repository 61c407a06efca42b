using System.Globalization;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>A YAML value (map, list or scalar) with the few ways to walk it that the tests need.</summary>
public sealed class Node(object? value)
{
    public object? Value { get; } = value;

    /// <summary>The value at a path of map keys, or a null node when any step is missing.</summary>
    public Node this[params string[] path] => path.Aggregate(this, (node, key) => node.Child(key));

    public bool Exists => Value is not null;

    public string? Text => Value is null or IDictionary<object, object> or IList<object> ? null : Convert.ToString(Value, CultureInfo.InvariantCulture);

    public string RequiredText(string what) => Text ?? throw new Xunit.Sdk.XunitException($"{what}: missing");

    public IReadOnlyList<Node> Items => Value is IList<object> list ? [.. list.Select(v => new Node(v))] : [];

    /// <summary>A map's entries in file order; empty for anything else.</summary>
    public IReadOnlyList<KeyValuePair<string, Node>> Entries =>
        Value is IDictionary<object, object> map
            ? [.. map.Select(e => new KeyValuePair<string, Node>(Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, new Node(e.Value)))]
            : [];

    /// <summary>A map of scalars as a dictionary (labels, selectors, annotations).</summary>
    public IReadOnlyDictionary<string, string> Strings() =>
        Entries.ToDictionary(e => e.Key, e => e.Value.Text ?? "", StringComparer.Ordinal);

    private Node Child(string key) =>
        Value is IDictionary<object, object> map && map.TryGetValue(key, out var child) ? new Node(child) : new Node(null);
}
