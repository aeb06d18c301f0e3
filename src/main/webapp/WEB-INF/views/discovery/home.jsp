<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Gatehouse OpenID Provider</title>
</head>
<body>
<main>
  <h1>Gatehouse OpenID Provider</h1>
  <p>Issuer: <code>${mvc.encoders.html(metadata.issuer())}</code></p>
  <h2>Endpoints</h2>
  <ul>
    <li><a href="${mvc.encoders.html(metadata.issuer())}/.well-known/openid-configuration">OpenID Provider configuration</a>
      (<code>/.well-known/openid-configuration</code>)</li>
    <li><a href="${mvc.encoders.html(metadata.issuer())}/.well-known/oauth-authorization-server">OAuth 2.0 authorization server metadata</a>
      (<code>/.well-known/oauth-authorization-server</code>)</li>
    <li><a href="${mvc.encoders.html(metadata.jwksUri())}">JSON Web Key Set</a>
      (<code>${mvc.encoders.html(metadata.jwksUri())}</code>)</li>
  </ul>
</main>
</body>
</html>
