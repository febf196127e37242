#include "TeamFixture.h"

#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "model/Approval.h"
#include "store/DirectoryRepository.h"
#include "store/Migrator.h"
#include "json/JsonNode.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QThread>

#include <array>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace steward::bench {

const QStringList &TeamFixture::stewards()
{
    static const QStringList logins{u"bench.steward.1"_s, u"bench.steward.2"_s, u"bench.steward.3"_s,
                                    u"bench.steward.4"_s};
    return logins;
}

QString TeamFixture::requester()
{
    return u"bench.requester"_s;
}

QString TeamFixture::bareLogin()
{
    return u"bench.bare"_s;
}

QUuid TeamFixture::tenant()
{
    return QUuid(u"5b0c9d6e-1f2a-4b3c-8d4e-000000000001"_s);
}

QUuid TeamFixture::bareTenant()
{
    return QUuid(u"5b0c9d6e-1f2a-4b3c-8d4e-000000000002"_s);
}

void TeamFixture::setUp(int requests)
{
    QElapsedTimer clock;
    clock.start();
    need(m_server.start(), u"starting PostgreSQL"_s);
    QStringList logins = stewards();
    logins.append(requester());
    for (const QString &login : logins)
        psql(u"CREATE ROLE \"%1\" LOGIN IN ROLE steward_app"_s.arg(login));
    // pgbench's login: the schema owner's rights (no row-level security, direct writes),
    // under a name of its own so that its statements can be told apart.
    psql(u"CREATE ROLE \"%1\" LOGIN IN ROLE steward_owner"_s.arg(bareLogin()));
    psql(u"ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"_s);
    need(m_server.restart(), u"restarting PostgreSQL with pg_stat_statements"_s);
    psql(u"ALTER SYSTEM SET pg_stat_statements.track = 'none'"_s);
    psql(u"SELECT pg_reload_conf()"_s);

    m_owner = need(Database::open(m_server.url(u"steward_owner"_s)), u"connecting as steward_owner"_s);
    need(Migrator(*m_owner).upgrade(), u"migrating"_s);
    psql(u"CREATE EXTENSION pg_stat_statements"_s);

    DirectoryRepository directory(*m_owner);
    for (const QUuid &id : {tenant(), bareTenant()}) {
        need(directory.addTenant(Tenant{id, id == tenant() ? u"Bench"_s : u"Bare"_s}), u"adding a tenant"_s);
        for (const QString &steward : stewards())
            need(directory.grant(id, steward, Role::MetadataSteward, steward), u"granting"_s);
        need(directory.grant(id, requester(), Role::DataOwner, requester()), u"granting"_s);
    }
    need(m_owner->run(u"CREATE TABLE bench_bare_queue (n bigint PRIMARY KEY, approval_id uuid NOT NULL)"_s),
         u"creating the bare queue"_s);
    need(m_owner->run(u"CREATE SEQUENCE bench_bare_queue_next"_s), u"creating the bare queue"_s);

    createEntities(tenant(), u"bench.field."_s, 1, requests);
    submitRequests(requests);
    std::printf("set up in %.1f s: %d fields, %d requests submitted through ApprovalService\n",
                double(clock.elapsed()) / 1000.0, requests, requests);
    psql(u"VACUUM ANALYZE"_s);
}

void TeamFixture::createEntities(const QUuid &tenantId, const QString &prefix, int from, int count)
{
    // Fields as the demo's look: every column set, a binding, tier 3, version 1.
    need(m_owner->run(
             uR"(INSERT INTO mdm_global_metadata (id, tenant_id, canonical_key, label, description, domain, module,
                     entity_urn, tier, data_type, format, owner_id, steward_id, status, binding, version, created_at,
                     updated_at)
                 SELECT gen_random_uuid(), ?::uuid, ? || lpad(i::text, 7, '0'), 'Amount ' || i,
                        'Gross amount of order line ' || i || ' in the order currency.', 'Sales', 'SD',
                        'urn:bench:warehouse.orders.amount_' || i, 'tier3', 'DECIMAL', '18,2', ?, ?, 'active',
                        jsonb_build_object('source', 'warehouse', 'schema', 'sales', 'table', 'orders',
                                           'column', 'amount_' || i),
                        1, now(), now()
                   FROM generate_series(?::int, ?::int) i)"_s,
             {uuidText(tenantId), prefix, requester(), stewards().first(), from, from + count - 1}),
         u"creating fields"_s);
}

void TeamFixture::submitRequests(int count)
{
    auto rows = need(m_owner->run(u"SELECT id, canonical_key, label, description FROM mdm_global_metadata "
                                  u"WHERE tenant_id = ? ORDER BY canonical_key"_s,
                                  {uuidText(tenant())}),
                     u"reading the fields"_s);
    QList<ChangeRequest> requests;
    while (rows.next()) {
        ChangeRequest request;
        request.entityType = EntityType::GlobalMetadata;
        request.entityId = QUuid::fromString(rows.value(0).toString());
        request.entityKey = rows.value(1).toString();
        request.tier = Tier::Tier3;
        request.lane = Lane::Governed;
        request.requiredRole = Role::MetadataSteward;
        request.payload = json::fromQJsonValue(
            QJsonObject{{u"label"_s, rows.value(2).toString() + u" (revised)"_s},
                        {u"description"_s, rows.value(3).toString().chopped(1) + u", taxes included."_s},
                        {u"format"_s, u"19,4"_s}});
        requests.append(request);
    }
    if (requests.size() != count)
        fail(u"%1 fields to request changes of, expected %2"_s.arg(requests.size()).arg(count));

    // The requester submits from two desktops at once (two connections, two threads).
    constexpr int kSubmitters = 2;
    std::array<QList<QUuid>, kSubmitters> submitted;
    std::array<QString, kSubmitters> errors;
    auto submit = [&](int index) {
        auto opened = Database::open(m_server.url(requester()));
        if (!opened) {
            errors[index] = opened.error().text();
            return;
        }
        EventBus bus;
        ApprovalService service(*opened.value(), bus);
        for (int i = index; i < requests.size(); i += kSubmitters) {
            auto approval = service.submit(Actor{tenant(), requester()}, requests.at(i));
            if (!approval) {
                errors[index] = approval.error().text();
                return;
            }
            submitted[index].append(approval.value().id);
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kSubmitters; ++i) {
        threads.emplace_back(QThread::create(submit, i));
        threads.back()->start();
    }
    for (auto &thread : threads) {
        if (!thread->wait(QDeadlineTimer(1'800'000))) {
            (void)thread.release(); // still running: the process ends with it
            fail(u"submitting the requests timed out"_s);
        }
    }
    for (int i = 0; i < kSubmitters; ++i) {
        if (!errors[i].isEmpty())
            fail(u"submitting a request: "_s + errors[i]);
    }
    // Interleaved again, so that each measurement takes requests of every part of the table.
    for (int i = 0; i < count; ++i)
        m_pending.append(submitted[i % kSubmitters].at(i / kSubmitters));
}

QList<QUuid> TeamFixture::takePending(int count)
{
    if (m_pending.size() < count)
        fail(u"only %1 submitted requests left for %2 decisions"_s.arg(m_pending.size()).arg(count));
    const QList<QUuid> taken = m_pending.mid(0, count);
    m_pending.remove(0, count);
    return taken;
}

void TeamFixture::queueBareRequests(int count)
{
    // Fields of the bare tenant and a pending request for each, exactly as a submission
    // stores it (payload text, the live state as current_state, base_version 1), queued
    // in the order pgbench's clients take them.
    createEntities(bareTenant(), u"bare.field."_s, m_bareEntities + 1, count);
    need(m_owner->run(
             uR"(WITH fields AS (
                     SELECT e.id, e.tenant_id, e.canonical_key, e.label, e.description FROM mdm_global_metadata e
                      WHERE e.tenant_id = ?::uuid AND e.canonical_key > ? ORDER BY e.canonical_key),
                 requests AS (
                     INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_id, entity_key, tier, lane,
                                               payload_text, current_state_text, requested_by, requested_at,
                                               required_role, base_version)
                     SELECT gen_random_uuid(), ?::uuid, 'GLOBAL_METADATA', f.id, f.canonical_key, 'tier3', 'governed',
                            json_build_object('label', f.label || ' (revised)',
                                              'description', rtrim(f.description, '.') || ', taxes included.',
                                              'format', '19,4')::text,
                            (SELECT o_state FROM steward_entity_read('GLOBAL_METADATA', f.tenant_id, f.id, NULL))::text, ?, now(), 'metadata_steward', 1
                       FROM fields f
                  RETURNING id, entity_key)
                 INSERT INTO bench_bare_queue (n, approval_id)
                 SELECT ?::bigint + row_number() OVER (ORDER BY entity_key), id FROM requests)"_s,
             {uuidText(bareTenant()), u"bare.field.%1"_s.arg(m_bareEntities, 7, 10, QChar(u'0')), uuidText(bareTenant()),
              requester(), m_bareQueued}),
         u"queueing bare requests"_s);
    m_bareEntities += count;
    m_bareQueued += count;
}

void TeamFixture::ensureBareQueue(qint64 needed)
{
    auto taken = need(m_owner->run(u"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM bench_bare_queue_next"_s),
                      u"reading the bare queue"_s);
    const qint64 used = taken.next() ? taken.value(0).toLongLong() : 0;
    const qint64 left = m_bareQueued - used;
    if (left < needed) {
        queueBareRequests(int(needed - left));
        psql(u"VACUUM ANALYZE mdm_approval, mdm_global_metadata"_s);
    }
}

qint64 TeamFixture::approvedIn(const QUuid &tenantId) const
{
    auto count = need(m_owner->run(u"SELECT COUNT(*) FROM mdm_approval WHERE tenant_id = ? AND status = 'approved'"_s,
                                   {uuidText(tenantId)}),
                      u"counting decisions"_s);
    return count.next() ? count.value(0).toLongLong() : -1;
}

} // namespace steward::bench
