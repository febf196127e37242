#pragma once

// Shared by the HTTP API tests and the load benchmark's checks: steward-cli serve on a
// demo database, bearer tokens made with steward-cli token, JSON requests over loopback,
// and a fingerprint of the database's tables to prove a refused request changed nothing.

#include "../metrics/MetricsTesting.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace steward::testing {

// The demo's people (README, "Demo data").
namespace Demo {
inline const QString Tenant = QStringLiteral("6f1c2a90-3b7e-4c55-9d1a-0e5b7c2f4a11");      // Northwind Finance
inline const QString OtherTenant = QStringLiteral("b2d4e6f8-1a3c-4e5f-8a7b-9c0d1e2f3a4b"); // Contoso Retail
} // namespace Demo

// A new token for `user` of the fixture's first tenant, made by steward-cli token create;
// empty on failure (then `why` says what happened).
QString createToken(const CliFixture &cli, const QString &user, QString &why, const QStringList &extra = {});

// One JSON request with a bearer token (none when empty).
HttpReply apiRequest(QNetworkAccessManager &network, const QUrl &server, const QByteArray &verb, const QString &path,
                     const QString &token, const QByteArray &body = {}, const HttpHeaders &extraHeaders = {});

QJsonObject jsonObject(const HttpReply &reply);

// Row counts and a SHA-256 over every row of every mdm_ table, in a stable order.
QString databaseFingerprint(const QSqlDatabase &database);

} // namespace steward::testing
