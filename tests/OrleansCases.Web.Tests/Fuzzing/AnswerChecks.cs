using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>The checks every HTTP answer gets, whatever was asked: no 5xx, the predicted status, RFC 9457 problems.</summary>
public static class AnswerChecks
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Checks the status against the prediction; answers whether it matched. On a case the caller may not read, a
    /// 2xx, 403 or 409 is an isolation break (it tells the case exists, or shows it), whatever was predicted.
    /// </summary>
    public static bool Status(Breaks breaks, Answer answer, Expectation expected, bool unreadableCase)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(expected);
        if (answer.Status == 0)
        {
            // Kestrel answers a body over its limit with 413 and then closes the connection, which may reset it while
            // the client is still sending: the client then sees no answer at all. Any other request must be answered.
            return breaks.Check(
                expected.Statuses.SetEquals([413]), "no-answer", () => $"no answer (expected {string.Join("/", expected.Statuses)}: {expected.Why}): {answer.Text}");
        }

        if (answer.Status >= 500)
        {
            breaks.Add("no-5xx", $"{answer.Status} (expected {string.Join("/", expected.Statuses)}: {expected.Why}): {Clip(answer.Text)}");
            return false;
        }

        if (unreadableCase && answer.Status is (>= 200 and < 300) or 403 or 409)
        {
            breaks.Add("isolation", $"{answer.Status} on a case the caller may not read: {Clip(answer.Text)}");
            return false;
        }

        if (!expected.Statuses.Contains(answer.Status))
        {
            breaks.Add("oracle", $"{answer.Status}, expected {string.Join("/", expected.Statuses)} ({expected.Why}): {Clip(answer.Text)}");
            return false;
        }

        if (answer.Status >= 400 && !expected.ByServer)
        {
            Problem(breaks, answer);
        }

        if (answer.Status == 400 && !expected.ByServer && (expected.ErrorKeys is not null || expected.ErrorKey is not null))
        {
            var keys = ErrorKeys(answer);
            if (expected.ErrorKeys is { } exact)
            {
                breaks.Check(keys.SetEquals(exact), "oracle", () => $"400 names {string.Join(",", keys)}, expected {string.Join(",", exact)} ({expected.Why})");
            }

            if (expected.ErrorKey is { } key)
            {
                breaks.Check(keys.Contains(key), "oracle", () => $"400 names {string.Join(",", keys)}, expected {key} among them ({expected.Why})");
            }
        }

        if (answer.Status == 409)
        {
            var json = answer.Json();
            if (expected.CurrentVersion is { } current)
            {
                breaks.Check(json?["currentVersion"]?.GetValue<int>() == current, "oracle", () => $"409 without currentVersion {current}: {Clip(answer.Text)}");
            }

            if (expected.Transition is { } transition)
            {
                var allowed = json?["allowedActions"]?.AsArray().Select(a => a?.GetValue<string>()).ToArray() ?? [];
                breaks.Check(
                    json?["currentStatus"]?.GetValue<string>() == transition.Status.ToString()
                        && allowed.SequenceEqual(transition.Allowed.Select(WireName.Of)),
                    "oracle", () => $"409 should carry {transition.Status} and [{string.Join(",", transition.Allowed.Select(WireName.Of))}]: {Clip(answer.Text)}");
            }
        }

        return true;
    }

    /// <summary>Design.md section 4: errors are RFC 9457 problem details.</summary>
    public static void Problem(Breaks breaks, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(answer);
        breaks.Check(
            answer.MediaType == "application/problem+json" && answer.Json()?["status"]?.GetValue<int>() == answer.Status,
            "problem-details", () => $"{answer.Status} answered as {answer.MediaType ?? "no content type"}: {Clip(answer.Text)}");
        if (answer.Status is 429 or 503)
        {
            breaks.Check(answer.RetryAfter is not null, "problem-details", () => $"{answer.Status} without Retry-After");
        }
    }

    public static HashSet<string> ErrorKeys(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Json()?["errors"] is JsonObject errors ? [.. errors.Select(e => e.Key)] : [];
    }

    public static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    public static T? Read<T>(Breaks breaks, Answer answer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            return JsonSerializer.Deserialize<T>(answer.Text, Json);
        }
        catch (JsonException ex)
        {
            breaks.Add("answer-shape", $"{answer.Status} is no {typeof(T).Name}: {ex.Message}: {Clip(answer.Text)}");
            return null;
        }
    }
}
