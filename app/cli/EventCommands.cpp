#include "EventCommands.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "EventFollower.h"
#include "Session.h"
#include "TextFormat.h"
#include "model/Approval.h"
#include "store/EventRepository.h"

#include <QRegularExpression>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kPageSize = 1000;

Status checkTypePattern(const QString &type)
{
    // Types are dotted lower-case words; '*' is only meaningful at the end.
    static const QRegularExpression pattern(u"^([a-z0-9_]+(\\.[a-z0-9_]+)*(\\.\\*|\\*)?|\\*)?$"_s);
    if (!pattern.match(type).hasMatch())
        return Error::invalid(u"--type"_s,
                              CliTr::tr("expected an event type such as approval.approved, or a prefix ending "
                                        "in '*' such as approval.*, not \"%1\"")
                                  .arg(quotedInput(type)));
    return std::nullopt;
}

QString actorText(const Event &event)
{
    if (event.actorId.isEmpty())
        return u"-"_s;
    return event.actorRole.isEmpty() ? event.actorId : u"%1 (%2)"_s.arg(event.actorId, event.actorRole);
}

// Fixed-width leading columns, so lines line up whether printed at once or as they come.
QString textLine(const Event &event)
{
    return u"%1  %2  %3  %4  %5  %6"_s.arg(
        QString::number(event.seq).rightJustified(6), toIsoTimestamp(event.occurredAt).leftJustified(24),
        event.type.leftJustified(26), actorText(event).leftJustified(34),
        (event.correlationId.isNull() ? u"-"_s : uuidText(event.correlationId)).leftJustified(36),
        TextFormat::compactJson(event.payload));
}

// Prints every event after `query.afterSeq`, page by page, and moves `afterSeq` past them.
Result<int> printNewEvents(const EventRepository &events, const QUuid &tenantId, EventQuery &query, bool json,
                           QTextStream &out)
{
    int printed = 0;
    for (;;) {
        auto page = events.list(tenantId, query);
        if (!page)
            return page.error();
        for (const Event &event : page.value()) {
            out << (json ? TextFormat::compactJson(event.toJson()) : textLine(event)) << u'\n';
            query.afterSeq = event.seq;
            ++printed;
        }
        if (page.value().size() < query.limit)
            break;
    }
    out.flush();
    return printed;
}

} // namespace

Status runEvents(Session &session, const CliOptions &options, QTextStream &out)
{
    if (auto invalid = checkTypePattern(options.eventType))
        return invalid;

    const EventRepository events(session.database());
    const QUuid tenantId = session.tenant().id;
    EventQuery query;
    query.type = options.eventType;
    query.limit = kPageSize;

    auto printed = printNewEvents(events, tenantId, query, options.json, out);
    if (!printed)
        return printed.error();
    if (!options.follow) {
        if (printed.value() == 0 && !options.json)
            out << (options.eventType.isEmpty()
                        ? CliTr::tr("No events in %1.").arg(session.tenant().name)
                        : CliTr::tr("No %1 events in %2.").arg(options.eventType, session.tenant().name))
                << u'\n';
        return std::nullopt;
    }

    EventFollower follower([&]() -> Status {
        auto more = printNewEvents(events, tenantId, query, options.json, out);
        return more ? Status() : Status(more.error());
    });
    return follower.run();
}

} // namespace steward
