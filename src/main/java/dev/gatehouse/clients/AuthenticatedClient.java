package dev.gatehouse.clients;

/** A client whose identity the current request has proven, and how. */
public record AuthenticatedClient(String clientId, String method, ClientMetadata metadata) {}
