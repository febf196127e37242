// A decision is judged on what the write lock protects, and stands once committed:
// a role revoked after the first check, a request without base_version, a failing
// read after the commit, and stored values this version does not know.

#include "TestDatabase.h"
#include "profiler/SqliteFunctions.h"
#include "store/ApprovalRepository.h"

#include <QSignalSpy>

#include <sqlite3.h>

#include <functional>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

// Runs `action` once, when the connection is about to start a write transaction:
// after every check the service makes before it, before anything it does inside.
class BeforeWriteTransaction
{
public:
    BeforeWriteTransaction(const QSqlDatabase &connection, std::function<void()> action)
        : m_handle(profiler::SqliteFunctions::handle(connection)), m_action(std::move(action))
    {
        if (m_handle)
            sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &BeforeWriteTransaction::onStatement, this);
    }
    ~BeforeWriteTransaction()
    {
        if (m_handle)
            sqlite3_trace_v2(m_handle, 0, nullptr, nullptr);
    }

    bool installed() const { return m_handle != nullptr; }
    bool fired() const { return m_fired; }

private:
    static int onStatement(unsigned, void *context, void *, void *sql)
    {
        auto *self = static_cast<BeforeWriteTransaction *>(context);
        if (!self->m_fired && qstrncmp(static_cast<const char *>(sql), "BEGIN IMMEDIATE", 15) == 0) {
            self->m_fired = true;
            self->m_action();
        }
        return 0;
    }

    sqlite3 *m_handle;
    std::function<void()> m_action;
    bool m_fired = false;
};

} // namespace

class DecisionRechecksTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roleRevokedBetweenCheckAndCommitIsRefused();
    void nullBaseVersionChangedEntityIsStale();
    void nullBaseVersionUnchangedEntityIsApprovable();
    void committedDecisionIsNeverReportedFailed();
    void unknownStoredValuesAreAnError_data();
    void unknownStoredValuesAreAnError();

private:
    // A pending update of orders.amount's label, requested by the data owner.
    Approval pendingUpdate();
    // Writes through a connection of its own, as another tool would, CHECKs off.
    Status writeAsAnotherTool(const QString &sql, const QVariantList &values);

    std::unique_ptr<TestDatabase> m_db;
    EntitySnapshot m_field;
};

void DecisionRechecksTest::init()
{
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp());
    auto field = m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier3,
                                 fieldPayload(u"orders.amount"_s, Tier::Tier3));
    STEWARD_VERIFY_OK(field);
    m_field = field.value();
}

void DecisionRechecksTest::cleanup()
{
    m_db.reset();
}

Approval DecisionRechecksTest::pendingUpdate()
{
    auto submitted = m_db->service().submit(m_db->as(Users::Owner),
                                            updateRequest(EntityType::GlobalMetadata, m_field, Tier::Tier3,
                                                          {{u"label"_s, u"Order gross amount"_s}}));
    if (!submitted)
        qFatal("submit failed: %s", qPrintable(submitted.error().text()));
    return submitted.value();
}

Status DecisionRechecksTest::writeAsAnotherTool(const QString &sql, const QVariantList &values)
{
    auto other = m_db->openConnection();
    if (!other)
        return other.error();
    if (auto off = other.value()->run(u"PRAGMA ignore_check_constraints = ON"_s); !off)
        return off.error();
    if (auto written = other.value()->run(sql, values); !written)
        return written.error();
    return std::nullopt;
}

void DecisionRechecksTest::roleRevokedBetweenCheckAndCommitIsRefused()
{
    // ben.architect decides as metadata_steward; his role is revoked (by an admin on
    // another connection) after the service checked it and before it writes.
    const Approval request = pendingUpdate();
    const QStringList entities = m_db->dump(u"mdm_global_metadata"_s);
    const QStringList approvals = m_db->dump(u"mdm_approval"_s);
    const int events = m_db->rowCount(u"mdm_event"_s);
    QSignalSpy published(&m_db->bus(), &EventBus::eventPublished);

    Status revoked = Error::make(ErrorCode::Unavailable, u"the revocation did not run"_s);
    BeforeWriteTransaction hook(m_db->database().connection(), [&] {
        revoked = writeAsAnotherTool(u"DELETE FROM mdm_user_role WHERE tenant_id = ? AND user_id = ? AND role = ?"_s,
                                     {uuidText(m_db->tenantId()), Users::ArchitectSteward, u"metadata_steward"_s});
    });
    QVERIFY(hook.installed());
    const auto decided = m_db->service().approve(m_db->as(Users::ArchitectSteward), request.id);
    QVERIFY(hook.fired());
    STEWARD_VERIFY_OK(revoked);

    QVERIFY2(!decided, "approved by someone whose role was revoked before the commit");
    QCOMPARE(decided.error().code, ErrorCode::Forbidden);
    QVERIFY2(decided.error().message.contains(u"metadata_steward"_s), qPrintable(decided.error().message));
    QCOMPARE(m_db->dump(u"mdm_global_metadata"_s), entities);
    QCOMPARE(m_db->dump(u"mdm_approval"_s), approvals);
    QCOMPARE(m_db->rowCount(u"mdm_event"_s), events);
    QCOMPARE(published.count(), 0);
}

void DecisionRechecksTest::nullBaseVersionChangedEntityIsStale()
{
    const Approval request = pendingUpdate();
    STEWARD_VERIFY_OK(writeAsAnotherTool(u"UPDATE mdm_approval SET base_version = NULL WHERE id = ?"_s,
                                         {uuidText(request.id)}));
    // Another change is approved meanwhile.
    auto other = m_db->service().submit(m_db->as(Users::Owner),
                                        updateRequest(EntityType::GlobalMetadata, m_field, Tier::Tier3,
                                                      {{u"description"_s, u"Including tax."_s}}));
    STEWARD_VERIFY_OK(other);
    STEWARD_VERIFY_OK(m_db->service().approve(m_db->as(Users::Steward), other.value().id));
    const QStringList entities = m_db->dump(u"mdm_global_metadata"_s);

    const auto stale = m_db->service().approve(m_db->as(Users::OtherSteward), request.id);
    QVERIFY2(!stale, "a request without base_version was approved over a newer change");
    QCOMPARE(stale.error().code, ErrorCode::Stale);
    QVERIFY2(stale.error().message.contains(u"changed since the request was made"_s),
             qPrintable(stale.error().message));
    QCOMPARE(m_db->dump(u"mdm_global_metadata"_s), entities);
    QCOMPARE(toString(m_db->approval(request.id).value().status), u"pending"_s);
}

void DecisionRechecksTest::nullBaseVersionUnchangedEntityIsApprovable()
{
    const Approval request = pendingUpdate();
    STEWARD_VERIFY_OK(writeAsAnotherTool(u"UPDATE mdm_approval SET base_version = NULL WHERE id = ?"_s,
                                         {uuidText(request.id)}));
    const auto approved = m_db->service().approve(m_db->as(Users::Steward), request.id);
    STEWARD_VERIFY_OK(approved);
    QCOMPARE(m_db->entity(EntityType::GlobalMetadata, u"orders.amount"_s).value().document.stringMember(u"label"_s),
             u"Order gross amount"_s);
}

void DecisionRechecksTest::committedDecisionIsNeverReportedFailed()
{
    // A subscriber archives decided requests the moment it hears of them: the row is
    // gone before the service could read it back.
    const Approval request = pendingUpdate();
    Status archived = Error::make(ErrorCode::Unavailable, u"the archiver did not run"_s);
    connect(&m_db->bus(), &EventBus::eventPublished, this, [&](const Event &event) {
        if (event.type == QString::fromUtf16(EventType::ApprovalApproved))
            archived = writeAsAnotherTool(u"DELETE FROM mdm_approval WHERE id = ?"_s, {uuidText(request.id)});
    });
    const auto approved = m_db->service().approve(m_db->as(Users::Steward), request.id, u"fine"_s);
    STEWARD_VERIFY_OK(archived);

    STEWARD_VERIFY_OK(approved);
    QCOMPARE(approved.value().id, request.id);
    QCOMPARE(toString(approved.value().status), u"approved"_s);
    QCOMPARE(approved.value().decidedBy, Users::Steward);
    QCOMPARE(approved.value().decisionReason, u"fine"_s);
    QVERIFY(approved.value().decidedAt.isValid());
    QCOMPARE(approved.value().payload.stringMember(u"label"_s), u"Order gross amount"_s);
    QCOMPARE(m_db->entity(EntityType::GlobalMetadata, u"orders.amount"_s).value().document.stringMember(u"label"_s),
             u"Order gross amount"_s);
}

void DecisionRechecksTest::unknownStoredValuesAreAnError_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::newRow("tier") << u"tier"_s << u"tier9"_s;
    QTest::newRow("status") << u"status"_s << u"weird"_s;
    QTest::newRow("lane") << u"lane"_s << u"fast"_s;
    QTest::newRow("entity type") << u"entity_type"_s << u"WIDGET"_s;
    QTest::newRow("required role") << u"required_role"_s << u"admin"_s;
}

void DecisionRechecksTest::unknownStoredValuesAreAnError()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    const Approval request = pendingUpdate();
    // `column` is one of the constants above.
    STEWARD_VERIFY_OK(writeAsAnotherTool(u"UPDATE mdm_approval SET "_s + column + u" = ? WHERE id = ?"_s,
                                         {value, uuidText(request.id)}));

    auto expectNamed = [&](const Error &error) {
        QVERIFY2(error.message.contains(u"mdm_approval."_s + column) && error.message.contains(u'"' + value + u'"'),
                 qPrintable(error.text()));
    };
    const auto found = m_db->service().find(m_db->tenantId(), request.id);
    QVERIFY2(!found, "an unknown stored value was read as a default");
    expectNamed(found.error());
    const auto page = ApprovalRepository(m_db->database()).list(m_db->tenantId(), {}, {}, 0, 50);
    QVERIFY2(!page, "an unknown stored value was read as a default");
    expectNamed(page.error());
    // Deciding it is refused with the same reason, and changes nothing.
    const QStringList entities = m_db->dump(u"mdm_global_metadata"_s);
    const auto decided = m_db->service().approve(m_db->as(Users::Steward), request.id);
    QVERIFY(!decided);
    expectNamed(decided.error());
    QCOMPARE(m_db->dump(u"mdm_global_metadata"_s), entities);
}

QTEST_GUILESS_MAIN(DecisionRechecksTest)
#include "tst_decisionrechecks.moc"
