// NotificationFeed on a real SQLite file: what counts as news for a requester, what the
// seen mark hides, and that the unseen scan stays within the newest events.

#include "../TestDatabase.h"
#include "alerts/NotificationFeed.h"

using namespace Qt::StringLiterals;

namespace steward {

class TestNotificationFeed : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::TestDatabase> m_fixture; // a fresh database per test function
    std::unique_ptr<alerts::NotificationFeed> m_feed;

    testing::TestDatabase &db() { return *m_fixture; }

    // One of the owner's requests, rejected by a steward.
    QUuid rejectOwnersRequest(const QString &key)
    {
        auto submitted = db().service().submit(
            db().as(testing::Users::Owner),
            testing::createRequest(EntityType::GlobalMetadata, key, Tier::Tier3,
                                   testing::fieldPayload(key, Tier::Tier3)));
        if (!submitted)
            return {};
        auto rejected =
            db().service().reject(db().as(testing::Users::Steward), submitted.value().id, u"Not needed"_s);
        return rejected ? rejected.value().id : QUuid();
    }

    alerts::NotificationCounts countsFor(const QString &userId, qint64 seenUpTo)
    {
        auto counts = m_feed->counts(testing::TestDatabase::tenantId(), userId, seenUpTo);
        return counts ? counts.value() : alerts::NotificationCounts{-1, -1, -1};
    }

private Q_SLOTS:
    void init()
    {
        m_feed.reset();
        m_fixture = std::make_unique<testing::TestDatabase>();
        STEWARD_VERIFY_OK(db().setUp());
        m_feed = std::make_unique<alerts::NotificationFeed>(db().database());
    }

    void decisionOnOwnRequestIsNewsUntilSeen()
    {
        QVERIFY(!rejectOwnersRequest(u"sales.order.amount"_s).isNull());
        QCOMPARE(countsFor(testing::Users::Owner, 0).unseenDecisions, 1);
        QCOMPARE(countsFor(testing::Users::Viewer, 0).unseenDecisions, 0); // not their request

        auto latest = m_feed->latestSeq(testing::TestDatabase::tenantId());
        QVERIFY(latest);
        QCOMPARE(countsFor(testing::Users::Owner, latest.value()).unseenDecisions, 0);

        auto page = m_feed->page(testing::TestDatabase::tenantId(), testing::Users::Owner, 0, 20);
        QVERIFY(page);
        QCOMPARE(page.value().size(), 1);
        QCOMPARE(page.value().constFirst().reason, u"Not needed"_s);
        QVERIFY(page.value().constFirst().unseen);
    }

    void unseenScanReadsOnlyTheNewestEvents()
    {
        QVERIFY(!rejectOwnersRequest(u"sales.order.amount"_s).isNull());
        QCOMPARE(countsFor(testing::Users::Owner, 0).unseenDecisions, 1);

        // 5,000 later events of other kinds push the decision out of the scanned window.
        QVERIFY(db().fixture().run(u"BEGIN"_s));
        for (int i = 0; i < 5000; ++i) {
            auto inserted = db().fixture().run(
                u"INSERT INTO mdm_event (id, tenant_id, type, occurred_at, payload) VALUES (?, ?, ?, ?, '{}')"_s,
                {uuidText(QUuid::createUuid()), uuidText(testing::TestDatabase::tenantId()),
                 u"metadata.profile.started"_s, u"2026-01-01T00:00:00.000Z"_s});
            QVERIFY2(inserted, qPrintable(testing::describe(inserted)));
        }
        QVERIFY(db().fixture().run(u"COMMIT"_s));
        QCOMPARE(countsFor(testing::Users::Owner, 0).unseenDecisions, 0);

        // A new decision is news again.
        QVERIFY(!rejectOwnersRequest(u"sales.order.region"_s).isNull());
        QCOMPARE(countsFor(testing::Users::Owner, 0).unseenDecisions, 1);
    }

    void anotherTenantsEventsLeaveTheUnseenWindowAlone()
    {
        QVERIFY(!rejectOwnersRequest(u"sales.order.amount"_s).isNull());
        QCOMPARE(countsFor(testing::Users::Owner, 0).unseenDecisions, 1);

        // A busy second tenant: 5,000 events after the decision, none of them this tenant's.
        const QUuid other(u"7c1e2d3f-0a4b-4c5d-8e9f-a0b1c2d3e4f5"_s);
        STEWARD_VERIFY_OK(db().addTenant(other, u"Globex"_s, {{u"globex.steward"_s, {Role::MetadataSteward}}}));
        QVERIFY(db().fixture().run(u"BEGIN"_s));
        for (int i = 0; i < 5000; ++i) {
            auto inserted = db().fixture().run(
                u"INSERT INTO mdm_event (id, tenant_id, type, occurred_at, payload) VALUES (?, ?, ?, ?, '{}')"_s,
                {uuidText(QUuid::createUuid()), uuidText(other), u"metadata.profile.started"_s,
                 u"2026-01-01T00:00:00.000Z"_s});
            QVERIFY2(inserted, qPrintable(testing::describe(inserted)));
        }
        QVERIFY(db().fixture().run(u"COMMIT"_s));

        // Still news here, and the list still marks it new.
        QCOMPARE(countsFor(testing::Users::Owner, 0).unseenDecisions, 1);
        auto page = m_feed->page(testing::TestDatabase::tenantId(), testing::Users::Owner, 0, 20);
        QVERIFY(page);
        QCOMPARE(page.value().size(), 1);
        QVERIFY(page.value().constFirst().unseen);
        // And the other tenant's user has no news of it (read as them: on the team database
        // the connection sees only the tenant it signed in to).
        STEWARD_VERIFY_OK(db().database().signIn(other, u"globex.steward"_s));
        auto theirs = m_feed->counts(other, u"globex.steward"_s, 0);
        QVERIFY(theirs);
        QCOMPARE(theirs.value().unseenDecisions, 0);
    }
};

} // namespace steward

QTEST_GUILESS_MAIN(steward::TestNotificationFeed)
#include "tst_notificationfeed.moc"
