using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Bargaining.Web.Tests;

/// <summary>The API's JSON conventions (web defaults, enums as names) and checks of its ProblemDetails.</summary>
public static partial class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body, Options);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await response.ExpectAsync(expected);
        return (await response.Content.ReadFromJsonAsync<T>(Options))!;
    }

    /// <summary>Fails with the body when the status is not <paramref name="expected"/>.</summary>
    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Asserts a ProblemDetails (RFC 9457) answer of <paramref name="status"/> whose title and detail are Chinese, and
    /// returns it.
    /// </summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Matches(Chinese(), problem.GetProperty("title").GetString());
        Assert.Matches(Chinese(), problem.GetProperty("detail").GetString());
        return problem;
    }

    /// <summary>The problem's detail.</summary>
    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString()!;

    /// <summary>The problem's stable code (an extension member), when it has one.</summary>
    public static string? Code(this JsonElement problem) => problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
