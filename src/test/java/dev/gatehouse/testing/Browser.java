package dev.gatehouse.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.stream.Collectors;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * A real browser (HtmlUnit, no JavaScript) that follows the provider's redirects itself and stops
 * at the first one leaving the provider, i.e. the client's redirect_uri, which it never fetches.
 */
public final class Browser implements AutoCloseable {

  private final WebClient client = new WebClient();
  private Page last;

  public Browser() {
    client.getOptions().setJavaScriptEnabled(false);
    client.getOptions().setCssEnabled(false);
    client.getOptions().setRedirectEnabled(false);
    client.getOptions().setThrowExceptionOnFailingStatusCode(false);
  }

  /** Opens a URL and follows redirects within the provider; returns the page or the exit URL. */
  public Step open(String url) throws IOException {
    return follow(client.getPage(url));
  }

  /** Fills the login form and submits it. */
  public Step login(String username, String password) throws IOException {
    HtmlForm form = page().getFormByName("login");
    form.getInputByName("username").setValue(username);
    form.getInputByName("password").setValue(password);
    Page answer = form.getButtonByName("signin").click();
    return follow(answer);
  }

  /** Clicks Allow (true) or Deny (false) on the consent page. */
  public Step consent(boolean allow) throws IOException {
    return consent(page(), allow);
  }

  /** Clicks Allow or Deny on a consent page shown earlier (the user went Back to it). */
  public Step consent(HtmlPage consentPage, boolean allow) throws IOException {
    HtmlForm form = consentPage.getFormByName("consent");
    for (HtmlButton button : form.getButtonsByName("decision")) {
      if (button.getValueAttribute().equals(allow ? "approve" : "deny")) {
        return follow(button.click());
      }
    }
    throw new IllegalStateException("no consent button");
  }

  public HtmlPage page() {
    return (HtmlPage) last;
  }

  /** The browser's cookies as a Cookie header, for requests sent beside it (races). */
  public String cookieHeader() {
    return client.getCookieManager().getCookies().stream()
        .map(cookie -> cookie.getName() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }

  public WebClient client() {
    return client;
  }

  private Step follow(Page page) throws IOException {
    Page current = page;
    for (int hops = 0; hops < 10; hops++) {
      int status = current.getWebResponse().getStatusCode();
      if (status < 300 || status >= 400) {
        last = current;
        return new Step(current, null, status);
      }
      URI location = URI.create(current.getWebResponse().getResponseHeaderValue("Location"));
      URI base = TestServer.base();
      if (location.getHost() == null
          || !(location.getHost().equals(base.getHost()) && location.getPort() == base.getPort())) {
        last = current;
        return new Step(current, location, status);
      }
      current = client.getPage(new WebRequest(new URL(location.toString()), HttpMethod.GET));
    }
    throw new IllegalStateException("too many redirects");
  }

  /** Where a navigation ended: a provider page (exit null), or a redirect out to {@code exit}. */
  public record Step(Page page, URI exit, int status) {
    public String path() {
      return page.getUrl().getPath();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
