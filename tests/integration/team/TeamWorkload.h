#pragma once

// A queue of pending requests for the team tests, and what the database holds about each
// afterwards. The expected outcome of every request (its events, its entity's version and
// the value it asked for) is computed here from what was submitted, independently of the
// program's own event code.

#include "TeamTest.h"
#include "store/WriteTransaction.h"

#include <QHash>
#include <QSet>

namespace steward::testing::team {

// One request the test submitted, and what approving it must leave behind.
struct Planned
{
    QUuid id;
    EntityType type = EntityType::GlobalMetadata;
    QString key;
    Tier tier = Tier::Tier3;
    bool update = false;
    qint64 baseVersion = 0; // an update's entity version when it was submitted
    QString original;       // the marker column's value before (an update)
    QString requested;      // the marker column's value the request asks for
};

// The column of each entity type that a request changes, to see whether it was applied.
inline QString entityTable(EntityType type)
{
    switch (type) {
    case EntityType::GlobalMetadata:
        return u"mdm_global_metadata"_s;
    case EntityType::Kpi:
        return u"mdm_kpi"_s;
    case EntityType::BusinessRule:
        return u"mdm_business_rule"_s;
    case EntityType::Glossary:
        return u"mdm_glossary_term"_s;
    }
    return {};
}

inline QString markerColumn(EntityType type)
{
    return type == EntityType::Glossary ? u"term"_s : u"label"_s;
}

inline QJsonObject payloadFor(EntityType type, const QString &key, Tier tier, const QString &marker)
{
    QJsonObject payload;
    switch (type) {
    case EntityType::Kpi:
        payload = kpiPayload(key, tier);
        break;
    case EntityType::Glossary:
        payload = glossaryPayload(key);
        break;
    default:
        payload = fieldPayload(key, tier, u"orders"_s, key.section(u'.', -1));
        break;
    }
    payload.insert(markerColumn(type), marker);
    return payload;
}

// SPEC section 4: the events of an approval, in order, after the request's own.
inline QStringList expectedApprovalEvents(const Planned &request)
{
    QStringList types{u"approval.requested"_s};
    switch (request.type) {
    case EntityType::GlobalMetadata:
        types << u"metadata.approved"_s << u"metadata.changed"_s;
        if (request.tier == Tier::Tier1 || request.tier == Tier::Tier2)
            types << u"metadata.profile.due"_s;
        break;
    case EntityType::Kpi:
        types << u"kpi.approved"_s << u"kpi.changed"_s;
        break;
    case EntityType::Glossary:
        types << u"glossary.term.updated"_s;
        break;
    case EntityType::BusinessRule:
        types << u"business_rule.changed"_s << u"metadata.profile.due"_s;
        break;
    }
    return types << u"approval.approved"_s;
}

// `count` pending requests of the fixture tenant, submitted by its data owner through
// their own login: creates and updates of existing entities (every third one an update,
// spread over fields, KPIs and glossary terms), tiers 2 to 4, so that a metadata_steward
// may decide each. The updated entities are fixture rows, written by the schema's owner
// at versions 1 to 3. Returns the requests in the order they were submitted.
inline Result<QList<Planned>> submitWorkload(TestDatabase &database, int count, const QString &prefix)
{
    const QList<EntityType> types{EntityType::GlobalMetadata, EntityType::Kpi, EntityType::Glossary};
    const QList<Tier> tiers{Tier::Tier2, Tier::Tier3, Tier::Tier4};
    QList<Planned> planned;
    const QDateTime created(QDate(2025, 1, 6), QTime(8, 0), Qt::UTC);
    {
        EntityRepository entities(database.fixture());
        WriteTransaction transaction(database.fixture());
        if (auto failed = transaction.begin())
            return *failed;
        for (int i = 0; i < count; ++i) {
            Planned request;
            request.type = types.at(i % types.size());
            request.tier = tiers.at((i / types.size()) % tiers.size());
            request.update = i % 3 == 2;
            request.key = u"%1.item.c%2"_s.arg(prefix).arg(i, 4, 10, QLatin1Char('0'));
            request.requested = u"Requested %1"_s.arg(i);
            if (request.update) {
                request.original = u"Original %1"_s.arg(i);
                const json::Node payload =
                    json::fromQJsonValue(payloadFor(request.type, request.key, request.tier, request.original));
                std::optional<EntitySnapshot> live;
                for (int version = 0; version <= i % 3; ++version) {
                    auto written = entities.apply(TestDatabase::tenantId(), request.type, live, payload, created);
                    if (!written)
                        return written.error();
                    live = written.value();
                }
                request.baseVersion = live->version;
            }
            planned.append(request);
        }
        if (auto failed = transaction.commit())
            return *failed;
    }

    auto owner = Database::open(urlAs(database, Users::Owner));
    if (!owner)
        return owner.error();
    if (auto failed = owner.value()->signIn(TestDatabase::tenantId()))
        return *failed;
    EventBus bus;
    ApprovalService service(*owner.value(), bus);
    EntityRepository entities(*owner.value());
    for (Planned &request : planned) {
        const QJsonObject payload = payloadFor(request.type, request.key, request.tier, request.requested);
        ChangeRequest change = createRequest(request.type, request.key, request.tier, payload);
        if (request.update) {
            auto live = entities.findByKey(TestDatabase::tenantId(), request.type, request.key);
            if (!live)
                return live.error();
            change = updateRequest(request.type, *live.value(), request.tier, payload);
        }
        auto submitted = service.submit(Actor{TestDatabase::tenantId(), Users::Owner}, change);
        if (!submitted)
            return submitted.error();
        request.id = submitted.value().id;
    }
    return planned;
}

// What the database holds about one request, read as the schema's owner.
struct Stored
{
    QString status;
    QString decidedBy;
    QString decidedAt;  // ISO-8601 UTC with milliseconds, as refusals quote it
    QStringList events; // types, in seq order
    QStringList eventActors;
    std::optional<qint64> entityVersion; // none: no entity with the request's key
    QString entityMarker;
};

inline Result<QHash<QUuid, Stored>> readStored(const Database &owner, const QList<Planned> &planned)
{
    QHash<QUuid, Stored> stored;
    const QVariantList tenant{uuidText(TestDatabase::tenantId())};
    auto approvals = owner.run(
        u"SELECT id, status, decided_by, to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
        u"FROM mdm_approval WHERE tenant_id = ?"_s,
        tenant);
    if (!approvals)
        return approvals.error();
    while (approvals.value().next()) {
        Stored &row = stored[QUuid::fromString(approvals.value().value(0).toString())];
        row.status = approvals.value().value(1).toString();
        row.decidedBy = approvals.value().value(2).toString();
        row.decidedAt = approvals.value().value(3).toString();
    }
    auto events =
        owner.run(u"SELECT correlation_id, type, actor_id FROM mdm_event WHERE tenant_id = ? ORDER BY seq"_s, tenant);
    if (!events)
        return events.error();
    while (events.value().next()) {
        const QUuid id = QUuid::fromString(events.value().value(0).toString());
        if (!stored.contains(id))
            continue; // not a request's event
        stored[id].events.append(events.value().value(1).toString());
        stored[id].eventActors.append(events.value().value(2).toString());
    }
    QHash<EntityType, QHash<QString, std::pair<qint64, QString>>> entities;
    for (const EntityType type : {EntityType::GlobalMetadata, EntityType::Kpi, EntityType::Glossary}) {
        auto rows = owner.run(u"SELECT canonical_key, version, %1 FROM %2 WHERE tenant_id = ?"_s.arg(markerColumn(type),
                                                                                                     entityTable(type)),
                              tenant);
        if (!rows)
            return rows.error();
        while (rows.value().next())
            entities[type].insert(rows.value().value(0).toString(),
                                  {rows.value().value(1).toLongLong(), rows.value().value(2).toString()});
    }
    for (const Planned &request : planned) {
        const auto found = entities[request.type].constFind(request.key);
        if (found != entities[request.type].constEnd()) {
            stored[request.id].entityVersion = found->first;
            stored[request.id].entityMarker = found->second;
        }
    }
    return stored;
}

// Empty when the request is fully approved by `decider` (any of `deciders` when empty):
// status, decider, the entity at one version above its base (a create at version 1)
// with the requested value, and exactly the events of SPEC section 4. Else what is wrong.
inline QString checkFullyApproved(const Planned &request, const Stored &stored, const QStringList &deciders)
{
    if (stored.status != u"approved"_s)
        return u"status %1"_s.arg(stored.status);
    if (!deciders.contains(stored.decidedBy))
        return u"decided by %1, not one of %2"_s.arg(stored.decidedBy, deciders.join(u", "_s));
    const qint64 expectedVersion = request.update ? request.baseVersion + 1 : 1;
    if (stored.entityVersion != expectedVersion)
        return u"entity %1 at version %2, expected %3"_s.arg(request.key)
            .arg(stored.entityVersion ? QString::number(*stored.entityVersion) : u"(none)"_s)
            .arg(expectedVersion);
    if (stored.entityMarker != request.requested)
        return u"entity %1 holds \"%2\", not the requested \"%3\""_s.arg(request.key, stored.entityMarker,
                                                                         request.requested);
    if (stored.events != expectedApprovalEvents(request))
        return u"events [%1], expected [%2]"_s.arg(stored.events.join(u", "_s),
                                                   expectedApprovalEvents(request).join(u", "_s));
    for (qsizetype i = 1; i < stored.eventActors.size(); ++i) {
        if (stored.eventActors.at(i) != stored.decidedBy)
            return u"event %1 by %2, not the decider %3"_s.arg(stored.events.at(i), stored.eventActors.at(i),
                                                               stored.decidedBy);
    }
    return {};
}

// Empty when nothing of the request was applied: pending, undecided, only its own
// event, the entity as before (a create: no entity). Else what is wrong.
inline QString checkUntouched(const Planned &request, const Stored &stored)
{
    if (stored.status != u"pending"_s || !stored.decidedBy.isEmpty() || !stored.decidedAt.isEmpty())
        return u"status %1, decided by \"%2\" at \"%3\""_s.arg(stored.status, stored.decidedBy, stored.decidedAt);
    if (stored.events != QStringList{u"approval.requested"_s})
        return u"events [%1] on a pending request"_s.arg(stored.events.join(u", "_s));
    if (request.update && (stored.entityVersion != request.baseVersion || stored.entityMarker != request.original))
        return u"entity %1 at version %2 holding \"%3\"; it was at %4 holding \"%5\""_s.arg(request.key)
            .arg(stored.entityVersion.value_or(-1))
            .arg(stored.entityMarker)
            .arg(request.baseVersion)
            .arg(request.original);
    if (!request.update && stored.entityVersion)
        return u"entity %1 exists though its create is pending"_s.arg(request.key);
    return {};
}

} // namespace steward::testing::team
