<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in</title>
</head>
<body>
<main>
  <h1>Sign in</h1>
  <c:if test="${not empty clientName}">
  <p id="client">to continue to <strong><c:out value="${clientName}"/></strong></p>
  </c:if>
  <c:if test="${not empty error}">
  <p role="alert" id="error"><c:out value="${error}"/></p>
  </c:if>
  <form method="post" action="login" name="login">
    <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
    <input type="hidden" name="request" value="${mvc.encoders.html(requestId)}">
    <p>
      <label for="username">Username</label>
      <input id="username" name="username" type="text" autocomplete="username" required autofocus
             value="<c:out value="${username}"/>">
    </p>
    <p>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
    </p>
    <p><button type="submit" name="signin">Sign in</button></p>
  </form>
</main>
</body>
</html>
