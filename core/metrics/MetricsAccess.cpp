#include "metrics/MetricsAccess.h"

#include "Tr.h"

#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward::metrics {
namespace {

// A bearer token is visible ASCII without spaces (RFC 6750 allows less; this is enough).
bool isTokenText(const QByteArray &token)
{
    return std::all_of(token.cbegin(), token.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
}

// Compares in time independent of where the two differ, so timing tells nothing.
bool sameSecret(const QByteArray &given, const QByteArray &expected)
{
    unsigned char difference = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < given.size(); ++i)
        difference |= static_cast<unsigned char>(given.at(i) ^ expected.at(i % expected.size()));
    return difference == 0;
}

} // namespace

Result<MetricsAccess> MetricsAccess::configure(const QString &tokenFile)
{
    if (!tokenFile.trimmed().isEmpty()) {
        QFile file(tokenFile.trimmed());
        if (!file.open(QIODevice::ReadOnly))
            return Error::invalid(u"metrics-token-file"_s, CoreTr::tr("cannot read the metrics token file %1: %2")
                                                                .arg(file.fileName(), file.errorString()));
        return withToken(file.readAll().trimmed(), file.fileName());
    }
    if (!qEnvironmentVariableIsEmpty(TokenVariable))
        return withToken(qgetenv(TokenVariable).trimmed(), u"$"_s + QLatin1StringView(TokenVariable));
    return MetricsAccess();
}

Result<MetricsAccess> MetricsAccess::withToken(const QByteArray &token, const QString &source)
{
    if (token.size() < MinimumTokenLength || !isTokenText(token))
        return Error::invalid(u"metrics-token"_s,
                              CoreTr::tr("the metrics token in %1 must be at least %2 characters, without spaces")
                                  .arg(source)
                                  .arg(MinimumTokenLength));
    MetricsAccess access;
    access.m_token = token;
    return access;
}

Status MetricsAccess::allowsListeningOn(const QHostAddress &address) const
{
    if (hasToken() || address.isLoopback())
        return std::nullopt;
    return Error::invalid(u"bind"_s, CoreTr::tr("refusing to serve /metrics on %1 without a bearer token")
                                         .arg(address.toString()));
}

bool MetricsAccess::admits(const QByteArray &authorization) const
{
    if (!hasToken())
        return true;
    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (!authorization.left(scheme.size()).toLower().startsWith(scheme))
        return false;
    return sameSecret(authorization.mid(scheme.size()).trimmed(), m_token);
}

} // namespace steward::metrics
