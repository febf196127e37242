#pragma once

#include <QSslConfiguration>

#include <chrono>
#include <optional>

namespace steward {

// What one HTTP connection may send and how long it may take, so a client that sends too
// much or too slowly costs the server a bounded amount of memory and time.
struct HttpLimits
{
    qint64 maxHeaderBytes = 16 * 1024;  // request line and headers; beyond: 431
    qint64 maxBodyBytes = 256 * 1024;   // beyond: 413
    // From the first byte of a request to its last; beyond, the connection is closed.
    std::chrono::milliseconds requestTimeout{10'000};
    // A connection with no request under way (kept alive, or never sending) is closed.
    std::chrono::milliseconds idleTimeout{30'000};
    int maxConnections = 512; // beyond: 503 and close
};

// How steward-cli serve runs the endpoint besides /metrics and /healthz.
struct ServeOptions
{
    bool api = false; // the HTTP API of SPEC section 7 (/approvals, /events, /openapi.json)
    // Development only, on loopback only: x-tenant-id, x-user-id and x-role instead of a token.
    bool trustIdentityHeaders = false;
    HttpLimits limits;
    double requestsPerSecond = 50; // per token (or identity); 0: no limit
    int burst = 100;               // requests a token may send at once before the rate applies
    std::optional<QSslConfiguration> tls;
};

} // namespace steward
