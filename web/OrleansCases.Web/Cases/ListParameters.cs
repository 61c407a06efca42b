using Microsoft.AspNetCore.Mvc;

namespace OrleansCases.Web.Cases;

/// <summary>
/// GET /api/cases's query string as sent, bound with <c>[AsParameters]</c>: all text, since a wrong value is a 400
/// that names the field (<see cref="ListRequest"/> checks it), not the framework's bare 400.
/// </summary>
public sealed record ListParameters(
    [FromQuery(Name = "view")] string? View,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "priority")] string? Priority,
    [FromQuery(Name = "region")] string? Region,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "patient")] string? Patient = null);
