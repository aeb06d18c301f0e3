<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign out?</title>
</head>
<body>
<main>
  <h1>Do you want to sign out?</h1>
  <form method="post" action="logout/confirm" name="logout">
    <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
    <input type="hidden" name="client_id" value="${mvc.encoders.html(clientId)}">
    <input type="hidden" name="post_logout_redirect_uri" value="${mvc.encoders.html(postLogoutRedirectUri)}">
    <input type="hidden" name="state" value="${mvc.encoders.html(state)}">
    <button type="submit" name="signout">Sign out</button>
  </form>
</main>
</body>
</html>
