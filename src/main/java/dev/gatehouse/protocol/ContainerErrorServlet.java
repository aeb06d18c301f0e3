package dev.gatehouse.protocol;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the servlet container (WEB-INF/web.xml): what the container refuses before
 * JAX-RS sees the request (a Content-Type it cannot parse, say) gets the one JSON error shape and
 * its status, instead of the server's HTML page with its name in it.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/gatehouse-container-error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // Asked for directly, not as an error dispatch: there is nothing here.
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && code >= 400
            ? code
            : HttpServletResponse.SC_NOT_FOUND;
    String error =
        status == HttpServletResponse.SC_NOT_FOUND
            ? "not_found"
            : status < 500 ? "invalid_request" : "server_error";
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.getWriter().write(ErrorBodies.body(error, "The request was refused: HTTP " + status));
  }
}
