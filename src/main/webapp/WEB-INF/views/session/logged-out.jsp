<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Signed out</title>
</head>
<body>
<main>
  <h1>You are signed out</h1>
  <p>You can close this window.</p>
</main>
</body>
</html>
