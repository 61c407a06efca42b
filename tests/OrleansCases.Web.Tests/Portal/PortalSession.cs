using Microsoft.Playwright;
using Xunit;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>The people of one test, each in a browser context of their own; closes them all at the end.</summary>
public sealed class PortalSession(IBrowser browser) : IAsyncDisposable
{
    private readonly List<PortalUser> _users = [];

    public async Task<PortalUser> SignInAsync(Uri address, string userId, int width = 1280, int height = 900, string? language = null)
    {
        var user = await PortalUser.SignInAsync(browser, address, userId, width, height, language);
        _users.Add(user);
        return user;
    }

    /// <summary>Fails on any console error a page reported that its test did not announce (a missing favicon included).</summary>
    public void AssertNoUnexpectedConsoleErrors()
    {
        var unexpected = _users.SelectMany(u => u.UnexpectedConsoleErrors().Select(e => $"{u.UserId}: {e}")).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected console errors:\n" + string.Join('\n', unexpected));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users)
        {
            await user.DisposeAsync();
        }
    }
}
