// The HTTP API's store on both engines: bearer tokens kept only as their SHA-256 and
// found by it across tenants, revoked and expired; the first submission of an
// Idempotency-Key; and the queue's keyset pages, which visit every request once in
// (requested_at, id) order, ties included. Runs on SQLite and, as
// tst_apitokens_postgresql, on the team database through the service login the API uses.

#include "TestDatabase.h"

#include "api/ApiTokenService.h"
#include "store/ApprovalRepository.h"
#include "store/IdempotencyRepository.h"

#include <QCryptographicHash>

using namespace steward;
using namespace steward::testing;
using namespace Qt::StringLiterals;

class ApiTokensTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aTokenIsKeptOnlyAsItsHash();
    void revokedAndExpiredTokensAreTold();
    void onlyUsersOfTheTenantGetTokens();
    void anIdempotencyKeyRemembersItsRequest();
    void keysetPagesVisitEveryRequestOnceInOrder();

private:
    TestDatabase m_db;
    QDateTime m_now = QDateTime(QDate(2026, 5, 4), QTime(10, 0), Qt::UTC);
};

void ApiTokensTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
}

void ApiTokensTest::aTokenIsKeptOnlyAsItsHash()
{
    ApiTokenService tokens(m_db.database());
    auto issued = tokens.issue(TestDatabase::tenantId(), Users::Steward, {}, m_now);
    STEWARD_VERIFY_OK(issued);
    const QByteArray secret = issued.value().secret;
    QVERIFY2(secret.startsWith("stw_") && secret.size() == 4 + 43, secret.constData());
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex());
    QCOMPARE(m_db.scalar(u"SELECT token_hash FROM mdm_api_token WHERE id = ?"_s, {uuidText(issued.value().token.id)})
                 .toString(),
             hash);
    for (const QString &row : m_db.dump(u"mdm_api_token"_s))
        QVERIFY(!row.contains(QString::fromLatin1(secret.mid(4))));
    // Two tokens never share a secret.
    auto second = tokens.issue(TestDatabase::tenantId(), Users::Steward, {}, m_now);
    STEWARD_VERIFY_OK(second);
    QVERIFY(second.value().secret != secret);

    // Found by its hash whatever tenant the connection last acted in.
    STEWARD_VERIFY_OK(m_db.database().signIn(TestDatabase::tenantId(), Users::Owner));
    auto check = tokens.check(secret, m_now.addDays(400));
    STEWARD_VERIFY_OK(check);
    QCOMPARE(int(check.value().outcome), int(ApiTokenService::Check::Outcome::Valid));
    QCOMPARE(check.value().token.userId, Users::Steward);
    QCOMPARE(check.value().token.tenantId, TestDatabase::tenantId());
    auto unknown = tokens.check(secret + "x", m_now);
    STEWARD_VERIFY_OK(unknown);
    QCOMPARE(int(unknown.value().outcome), int(ApiTokenService::Check::Outcome::Unknown));
}

void ApiTokensTest::revokedAndExpiredTokensAreTold()
{
    ApiTokenService tokens(m_db.database());
    auto brief = tokens.issue(TestDatabase::tenantId(), Users::Owner, m_now.addSecs(60), m_now);
    STEWARD_VERIFY_OK(brief);
    QCOMPARE(int(tokens.check(brief.value().secret, m_now.addSecs(59)).value().outcome),
             int(ApiTokenService::Check::Outcome::Valid));
    QCOMPARE(int(tokens.check(brief.value().secret, m_now.addSecs(60)).value().outcome),
             int(ApiTokenService::Check::Outcome::Expired));

    auto revoked = tokens.issue(TestDatabase::tenantId(), Users::Owner, {}, m_now);
    STEWARD_VERIFY_OK(revoked);
    STEWARD_VERIFY_OK(tokens.revoke(TestDatabase::tenantId(), Users::Owner, revoked.value().token.id, m_now));
    QCOMPARE(int(tokens.check(revoked.value().secret, m_now).value().outcome),
             int(ApiTokenService::Check::Outcome::Revoked));
    const Status again = tokens.revoke(TestDatabase::tenantId(), Users::Owner, revoked.value().token.id, m_now);
    QVERIFY(again);
    QCOMPARE(again->code, ErrorCode::NotFound);

    auto listed = tokens.list(TestDatabase::tenantId(), Users::Owner);
    STEWARD_VERIFY_OK(listed);
    QCOMPARE(listed.value().size(), 2);
}

void ApiTokensTest::onlyUsersOfTheTenantGetTokens()
{
    ApiTokenService tokens(m_db.database());
    const int before = m_db.rowCount(u"mdm_api_token"_s);
    auto stranger = tokens.issue(TestDatabase::tenantId(), u"stranger"_s, {}, m_now);
    QVERIFY(!stranger);
    QVERIFY(stranger.error().code == ErrorCode::Forbidden || stranger.error().code == ErrorCode::Unavailable);
    auto past = tokens.issue(TestDatabase::tenantId(), Users::Steward, m_now.addSecs(-1), m_now);
    QVERIFY(!past);
    QCOMPARE(past.error().code, ErrorCode::Invalid);
    QCOMPARE(past.error().field, u"expires"_s);
    QCOMPARE(m_db.rowCount(u"mdm_api_token"_s), before);
}

void ApiTokensTest::anIdempotencyKeyRemembersItsRequest()
{
    auto submitted = m_db.service().submit(m_db.as(Users::Owner),
                                           createRequest(EntityType::Glossary, u"api.idempotent"_s, Tier::Tier3,
                                                         glossaryPayload(u"api.idempotent"_s)));
    STEWARD_VERIFY_OK(submitted);
    IdempotencyRepository keys(m_db.database());
    STEWARD_VERIFY_OK(m_db.database().signIn(TestDatabase::tenantId(), Users::Owner));
    auto none = keys.find(TestDatabase::tenantId(), Users::Owner, u"k-1"_s);
    STEWARD_VERIFY_OK(none);
    QVERIFY(!none.value());
    STEWARD_VERIFY_OK(keys.remember(TestDatabase::tenantId(), Users::Owner, u"k-1"_s,
                                    {u"abc"_s, submitted.value().id}, m_now));
    auto found = keys.find(TestDatabase::tenantId(), Users::Owner, u"k-1"_s);
    STEWARD_VERIFY_OK(found);
    QVERIFY(found.value());
    QCOMPARE(found.value()->approvalId, submitted.value().id);
    QCOMPARE(found.value()->requestHash, u"abc"_s);
    // A key is remembered once.
    QVERIFY(keys.remember(TestDatabase::tenantId(), Users::Owner, u"k-1"_s, {u"def"_s, submitted.value().id}, m_now));
}

void ApiTokensTest::keysetPagesVisitEveryRequestOnceInOrder()
{
    // Requests with distinct times, and three submitted in the same millisecond.
    for (int i = 0; i < 9; ++i) {
        const QString key = u"api.page.%1"_s.arg(i);
        STEWARD_VERIFY_OK(m_db.service().submit(m_db.as(Users::Owner),
                                                createRequest(EntityType::Glossary, key, Tier::Tier3,
                                                              glossaryPayload(key))));
    }
    ApprovalRepository fixture(m_db.fixture());
    const QDateTime tie = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < 3; ++i) {
        Approval approval;
        approval.id = QUuid::createUuid();
        approval.tenantId = TestDatabase::tenantId();
        approval.entityType = EntityType::Glossary;
        approval.entityKey = u"api.tie.%1"_s.arg(i);
        approval.payload = json::fromQJsonValue(glossaryPayload(approval.entityKey));
        approval.requestedBy = Users::Owner;
        approval.requestedAt = tie;
        STEWARD_VERIFY_OK(fixture.insert(approval));
    }

    ApprovalRepository approvals(m_db.database());
    STEWARD_VERIFY_OK(m_db.database().signIn(TestDatabase::tenantId(), Users::Steward));
    ApprovalFilter pending;
    pending.status = ApprovalStatus::Pending;
    auto all = approvals.list(TestDatabase::tenantId(), pending, {}, 0, 10000);
    STEWARD_VERIFY_OK(all);
    QVERIFY(all.value().size() >= 12);

    QList<Approval> paged;
    std::optional<ApprovalCursor> cursor;
    for (int page = 0; page < 100; ++page) {
        auto rows = approvals.listAfter(TestDatabase::tenantId(), pending, cursor, 4);
        STEWARD_VERIFY_OK(rows);
        paged += rows.value();
        if (rows.value().size() < 4)
            break;
        cursor = ApprovalCursor{rows.value().constLast().requestedAt, rows.value().constLast().id};
    }
    QCOMPARE(paged.size(), all.value().size());
    QSet<QUuid> seen;
    for (qsizetype i = 0; i < paged.size(); ++i) {
        seen.insert(paged.at(i).id);
        if (i > 0) {
            const Approval &previous = paged.at(i - 1);
            const Approval &current = paged.at(i);
            QVERIFY(previous.requestedAt <= current.requestedAt);
            if (previous.requestedAt == current.requestedAt)
                QVERIFY(uuidText(previous.id) < uuidText(current.id));
        }
    }
    QCOMPARE(seen.size(), paged.size());
}

QTEST_GUILESS_MAIN(ApiTokensTest)
#include "tst_apitokens.moc"
