using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The flag admin page in real headless Chromium (Debian's chromium and chromium-driver, see build.sh) against the web
/// sample started with <c>dotnet run</c> in Development on 127.0.0.1: sign in, flip a flag and see the gated endpoint
/// change within a second, roll out to 25%, kill, read the history. A screenshot of each step goes to
/// artifacts/admin-browser/.
/// </summary>
public sealed class AdminPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    private static string SampleProject => Path.Combine(RepositoryRoot.Path, "samples", "TypedFlags.Samples.WebApi");

    private static string Screenshots => Path.Combine(RepositoryRoot.Path, "artifacts", "admin-browser");

    [Fact]
    public async Task An_admin_signs_in_flips_a_flag_rolls_it_out_kills_it_and_reads_the_history_in_a_real_browser()
    {
        Assert.True(File.Exists(Chromium) && File.Exists(ChromeDriver), "Chromium and chromedriver are missing: run ./build.sh prerequisites (Debian packages chromium, chromium-driver).");
        Directory.CreateDirectory(Screenshots);

        // A copy of the sample's settings as content root: the store's flags.db is created there, not in the repository.
        var contentRoot = Directory.CreateTempSubdirectory("typedflags-admin-web-");
        File.Copy(Path.Combine(SampleProject, "appsettings.json"), Path.Combine(contentRoot.FullName, "appsettings.json"));

        // Without Development's 100% for estimates.approval, flags.yaml's 20% by tenant decides: a caller without a
        // tenant is outside it, so the gated endpoint starts closed and the admin opens it.
        var development = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleProject, "appsettings.Development.json")))!;
        Assert.True(development["Flags"]!.AsObject().Remove("estimates.approval"));
        File.WriteAllText(Path.Combine(contentRoot.FullName, "appsettings.Development.json"), development.ToJsonString());

        var port = WebServer.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var server = WebServer.Start(
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = null, ["DOTNET_ENVIRONMENT"] = null, ["ASPNETCORE_URLS"] = null },
            "run", "--project", SampleProject, "--no-launch-profile", "--",
            "--urls", baseUrl, "--contentRoot", contentRoot.FullName, "--environment", "Development");
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await server.WaitUntilServingAsync(client, TimeSpan.FromMinutes(4));

        Assert.Equal(HttpStatusCode.Forbidden, (await GetApprovalAsync(client)).StatusCode);

        var options = new ChromeOptions { BinaryLocation = Chromium };

        // Root in CI containers: no sandbox; /dev/shm is small there.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,1000");
        using var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(10));

        // The page re-renders the table and history when the store changes: an element can go stale under a read.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        try
        {
            // 1. Sign in: the page redirects an anonymous browser to the development sign-in, and back.
            driver.Navigate().GoToUrl(baseUrl + "/admin/flags/");
            wait.Until(d => d.Url.Contains("/dev/signin", StringComparison.Ordinal));
            driver.FindElement(By.Id("user")).Clear();
            driver.FindElement(By.Id("user")).SendKeys("ada");
            driver.FindElement(By.Id("signin")).Click();
            var row = wait.Until(d => d.FindElements(By.CssSelector("tr[data-key='estimates.approval']")).FirstOrDefault());
            Screenshot(driver, "1-signed-in");

            // 2. Flip the flag on: the gated endpoint answers 200 within a second.
            row!.FindElement(By.CssSelector("button[data-open]")).Click();
            wait.Until(d => d.FindElement(By.Id("panel")).Displayed);
            driver.FindElement(By.Id("reason")).SendKeys("approvals for everyone");
            driver.FindElement(By.Id("turn-on")).Click();
            var watch = Stopwatch.StartNew();
            HttpResponseMessage gated;
            do
            {
                gated = await GetApprovalAsync(client);
            }
            while (gated.StatusCode != HttpStatusCode.OK && watch.Elapsed < TimeSpan.FromSeconds(10));
            Assert.True(gated.StatusCode == HttpStatusCode.OK, $"the gated endpoint still answers {(int)gated.StatusCode} {watch.ElapsedMilliseconds} ms after the click:\n{server.Output}");
            wait.Until(d => OverrideOf(d).Contains("value on", StringComparison.Ordinal));
            Screenshot(driver, "2-flipped-on");

            // 3. Roll out to 25%.
            driver.FindElement(By.Id("rollout")).SendKeys("25");
            driver.FindElement(By.Id("set-rollout")).Click();
            wait.Until(d => OverrideOf(d).Contains("rollout 25%", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await GetApprovalAsync(client)).StatusCode);
            Screenshot(driver, "3-rollout-25");

            // 4. Kill, through the confirmation dialog.
            driver.FindElement(By.Id("kill")).Click();
            wait.Until(d => d.FindElement(By.Id("confirm-kill")).Displayed);
            Screenshot(driver, "4-kill-confirmation");
            driver.FindElement(By.Id("confirm-yes")).Click();
            wait.Until(d => d.FindElements(By.CssSelector("tr[data-key='estimates.approval'] .badge-killed")).Count == 1);
            Assert.Equal(HttpStatusCode.Forbidden, (await GetApprovalAsync(client)).StatusCode);
            Screenshot(driver, "5-killed");

            // 5. The history panel: three changes, newest first, each by ada with the reason and its differences.
            var entries = wait.Until(d =>
            {
                var items = d.FindElements(By.CssSelector("#history > li")).Select(e => e.Text).ToArray();
                return items.Length == 3 ? items : null;
            })!;
            Assert.All(entries, e => Assert.StartsWith("ada — approvals for everyone", e, StringComparison.Ordinal));
            Assert.Contains("State:", entries[0], StringComparison.Ordinal);
            Assert.Contains("\"kill\"", entries[0], StringComparison.Ordinal);
            Assert.Contains("Rollout:", entries[1], StringComparison.Ordinal);
            Assert.Contains("\"25%\"", entries[1], StringComparison.Ordinal);
            Assert.Contains("\"on\"", entries[2], StringComparison.Ordinal);
            ((IJavaScriptExecutor)driver).ExecuteScript("document.getElementById('history').scrollIntoView()");
            Screenshot(driver, "6-history");

            // Live refresh: another admin removes the override through the API; the open page shows it without a reload.
            var other = new HttpRequestMessage(HttpMethod.Delete, "/admin/flags/api/flags/estimates.approval")
            {
                Content = new StringContent("""{ "reason": "back to flags.yaml" }""", System.Text.Encoding.UTF8, "application/json"),
            };
            other.Headers.Add("X-Demo-User", "grace");
            other.Headers.Add("X-Demo-Roles", "flag-admin");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
            var live = new WebDriverWait(driver, TimeSpan.FromSeconds(10)) { Message = "the page did not pick up grace's change" };
            live.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
            live.Until(d => d.FindElements(By.CssSelector("#history > li")).Select(e => e.Text).FirstOrDefault()?.StartsWith("grace — back to flags.yaml", StringComparison.Ordinal) == true
                    && OverrideOf(d) == "none");
            Screenshot(driver, "7-live-refresh");

            // Every control has a label, and in a narrow window (a phone) nothing scrolls sideways.
            var script = (IJavaScriptExecutor)driver;
            Assert.Equal(0L, script.ExecuteScript("return [...document.querySelectorAll('input:not([type=hidden])')].filter(i => i.labels.length === 0).length;"));
            driver.Manage().Window.Size = new System.Drawing.Size(400, 900);
            wait.Until(d => true.Equals(((IJavaScriptExecutor)d).ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth;")));
            script.ExecuteScript("window.scrollTo(0, 0)");
            Screenshot(driver, "8-narrow-window");
        }
        catch
        {
            Screenshot(driver, "failure");
            throw;
        }
    }

    private static Task<HttpResponseMessage> GetApprovalAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/estimates/7/approval");
        request.Headers.Add("X-Demo-User", "bob");
        return client.SendAsync(request);
    }

    private static string OverrideOf(IWebDriver driver) =>
        driver.FindElements(By.CssSelector("td[data-override='estimates.approval']")).FirstOrDefault()?.Text ?? string.Empty;

    private static void Screenshot(IWebDriver driver, string name) =>
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(Screenshots, name + ".png"));
}
