using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>
/// YAML as plain maps, lists and strings, with anchors and merge keys (&lt;&lt;: *x) resolved, so a test sees what
/// compose and kubectl see.
/// </summary>
public static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of a (multi-document) YAML text; empty documents are left out.</summary>
    public static IReadOnlyList<Node> Documents(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        var documents = new List<Node>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (!parser.Accept<YamlDotNet.Core.Events.StreamEnd>(out _))
        {
            var value = Deserializer.Deserialize(parser);
            if (value is not null)
            {
                documents.Add(new Node(value));
            }
        }

        return documents;
    }

    public static Node Document(string text) => Assert.Single(Documents(text));
}
