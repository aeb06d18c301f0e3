<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Allow access?</title>
</head>
<body>
<main>
  <h1><c:out value="${clientName}"/> wants to:</h1>
  <ul>
    <c:forEach items="${scopes}" var="scope">
      <li><c:out value="${scope}"/></li>
    </c:forEach>
  </ul>
  <c:if test="${not empty clientUri or not empty policyUri or not empty tosUri}">
  <p id="client-links">
    <c:if test="${not empty clientUri}"><a href="<c:out value="${clientUri}"/>" rel="noopener noreferrer" target="_blank">About the application</a></c:if>
    <c:if test="${not empty policyUri}"><a href="<c:out value="${policyUri}"/>" rel="noopener noreferrer" target="_blank">Privacy policy</a></c:if>
    <c:if test="${not empty tosUri}"><a href="<c:out value="${tosUri}"/>" rel="noopener noreferrer" target="_blank">Terms of service</a></c:if>
  </p>
  </c:if>
  <form method="post" action="consent" name="consent">
    <input type="hidden" name="${mvc.csrf.name}" value="${mvc.csrf.token}">
    <input type="hidden" name="request" value="${mvc.encoders.html(requestId)}">
    <button type="submit" name="decision" value="approve">Allow</button>
    <button type="submit" name="decision" value="deny">Deny</button>
  </form>
</main>
</body>
</html>
