using System.Net;
using Tests.Infrastructure;

namespace Tests.Web;

[Collection(AppCollection.Name)]
public sealed class ErrorPages(AppFixture fixture)
{
    [Fact]
    public async Task AnUnknownPageIsA404WithAFriendlyPage()
    {
        using var client = fixture.App.CreateHttpClient();

        using var response = await client.GetAsync("/no-such-page/anywhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("404", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", html, StringComparison.Ordinal);
    }
}
