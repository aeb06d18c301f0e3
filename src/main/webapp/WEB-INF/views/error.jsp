<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign-in error</title>
</head>
<body>
<main>
  <h1>This sign-in request cannot be completed</h1>
  <p role="alert">${mvc.encoders.html(message)}</p>
  <p>Go back to the application you came from and try again.</p>
</main>
</body>
</html>
