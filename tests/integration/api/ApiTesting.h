#pragma once

// Shared by the HTTP API tests and the load benchmark's checks: steward-cli serve on a
// demo database, bearer tokens made with steward-cli token, JSON requests over loopback,
// and a fingerprint of the database's tables to prove a refused request changed nothing.

#include "../metrics/MetricsTesting.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

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

// A create request of `type` (GLOBAL_METADATA bound to the demo warehouse's journal amounts,
// KPI, BUSINESS_RULE on gl.journal_line.amount, GLOSSARY) as a JSON body.
QByteArray createBody(const QString &type, const QString &key, const QString &tier, const QString &lane,
                      const QString &role);
QString describe(const HttpReply &reply);

// steward-cli serve on a fresh demo database, tokens for the demo's people, and a
// connection of the test's own to the database to check what the server stored.
class ApiServerFixture
{
public:
    // Empty on success, else what went wrong.
    QString setUp();
    QString tearDown();

    HttpReply call(const QByteArray &verb, const QString &path, const QString &token, const QByteArray &body = {},
                   const HttpHeaders &headers = {})
    {
        return apiRequest(network, url, verb, path, token, body, headers);
    }
    // The first column of the first row; invalid when there is none.
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const;
    QString pendingIdOf(const QString &tenant) const;
    // A pending governed request of the demo's first tenant that jonas.weber may decide.
    QString pendingForJonas() const;

    CliFixture cli;
    QNetworkAccessManager network;
    std::unique_ptr<QProcess> serve;
    QUrl url;
    QSqlDatabase db;
    QString raj;   // data_owner: submits
    QString jonas; // metadata_steward: decides governed requests
    QString tom;   // kernel_architect: decides kernel requests
    QString mei;   // viewer
};

} // namespace steward::testing
