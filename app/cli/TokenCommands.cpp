#include "TokenCommands.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "Session.h"
#include "TextFormat.h"
#include "TextTable.h"
#include "api/ApiTokenService.h"
#include "model/Approval.h"
#include "report/ReportTypes.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// A date is valid through that UTC day; a time is taken as given (UTC unless it says).
Result<QDateTime> expiry(const QString &text)
{
    if (text.isEmpty())
        return QDateTime();
    if (const auto day = report::ReportPeriod::parseDay(text))
        return QDateTime(day->addDays(1), QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return Error::invalid(u"--expires"_s,
                              CliTr::tr("must be a date (YYYY-MM-DD) or an ISO-8601 time, not \"%1\"").arg(quotedInput(text)));
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

QString state(const ApiToken &token, const QDateTime &now)
{
    if (token.isRevoked())
        return CliTr::tr("revoked %1").arg(TextFormat::timestamp(token.revokedAt));
    if (token.hasExpired(now))
        return CliTr::tr("expired");
    return CliTr::tr("active");
}

} // namespace

Status runToken(Session &session, const CliOptions &options, QTextStream &out)
{
    ApiTokenService tokens(session.database());
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (options.tokenAction == u"list"_s) {
        auto listed = tokens.list(session.tenant().id, options.user);
        if (!listed)
            return listed.error();
        if (listed.value().isEmpty()) {
            out << CliTr::tr("No API tokens in %1.").arg(session.tenant().name) << u'\n';
            return std::nullopt;
        }
        TextTable table({CliTr::tr("ID"), CliTr::tr("USER"), CliTr::tr("CREATED"), CliTr::tr("EXPIRES"),
                         CliTr::tr("STATE")});
        for (const ApiToken &token : listed.value())
            table.addRow({uuidText(token.id), token.userId, TextFormat::timestamp(token.createdAt),
                          token.expiresAt.isValid() ? TextFormat::timestamp(token.expiresAt) : CliTr::tr("never"),
                          state(token, now)});
        table.write(out);
        return std::nullopt;
    }

    auto actor = session.actor(options.user, u"token "_s + options.tokenAction);
    if (!actor)
        return actor.error();
    if (options.tokenAction == u"revoke"_s) {
        if (auto failed = tokens.revoke(session.tenant().id, actor.value().userId, options.tokenId, now))
            return failed;
        out << CliTr::tr("Revoked token %1.").arg(uuidText(options.tokenId)) << u'\n';
        return std::nullopt;
    }

    auto expiresAt = expiry(options.expires);
    if (!expiresAt)
        return expiresAt.error();
    auto issued = tokens.issue(session.tenant().id, actor.value().userId, expiresAt.value(), now);
    if (!issued)
        return issued.error();
    const ApiToken &token = issued.value().token;
    out << QString::fromLatin1(issued.value().secret) << u'\n';
    out << CliTr::tr("Token %1 for %2 in %3, %4. It is shown only this once: keep it secret.")
               .arg(uuidText(token.id), token.userId, session.tenant().name,
                    token.expiresAt.isValid() ? CliTr::tr("valid until %1").arg(TextFormat::timestamp(token.expiresAt))
                                              : CliTr::tr("without expiry"))
        << u'\n';
    return std::nullopt;
}

} // namespace steward
