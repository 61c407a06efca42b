namespace OrleansCases.Web.Http;

/// <summary>
/// The JSON body an endpoint reads itself (<see cref="JsonBody"/>), and an example of it, for its description only.
/// Not <c>Accepts&lt;T&gt;</c>: routing enforces that metadata with a bare 415, where the API answers a body of the
/// wrong type with a 400 that says why.
/// </summary>
public sealed record JsonBodyMetadata(Type Type, object Example);

public static class JsonBodyMetadataExtensions
{
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder, T example)
        where T : notnull =>
        builder.WithMetadata(new JsonBodyMetadata(typeof(T), example));
}
