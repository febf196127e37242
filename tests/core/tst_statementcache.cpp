// Database::runCached keeps a connection's hot statements prepared: what it returns must be
// what a fresh statement returns, however it is used, and keeping them must not keep an
// embedded file's reader on an old snapshot.

#include "TestDatabase.h"

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

class StatementCacheTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void repeatedRunsSeeTheirOwnValues();
    void nestedRunOfTheSameStatement();
    void manyStatementsAreEvicted();
    void sessionResetIsRecovered();
    void finishedQueryHoldsNoSnapshot();

private:
    QString userRoles() const { return u"SELECT role FROM mdm_user_role WHERE tenant_id = ? AND user_id = ? ORDER BY role"_s; }
    QStringList roles(const QString &user);

    std::unique_ptr<TestDatabase> m_db;
};

void StatementCacheTest::init()
{
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp());
}

void StatementCacheTest::cleanup()
{
    m_db.reset();
}

QStringList StatementCacheTest::roles(const QString &user)
{
    auto query = m_db->database().runCached(userRoles(), {uuidText(m_db->tenantId()), user});
    if (!query)
        return {u"error: "_s + query.error().text()};
    QStringList found;
    while (query.value()->next())
        found.append(query.value()->value(0).toString());
    return found;
}

void StatementCacheTest::repeatedRunsSeeTheirOwnValues()
{
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(roles(Users::ArchitectSteward), (QStringList{u"kernel_architect"_s, u"metadata_steward"_s}));
        QCOMPARE(roles(Users::Owner), QStringList{u"data_owner"_s});
        QCOMPARE(roles(u"nobody"_s), QStringList());
    }
}

void StatementCacheTest::nestedRunOfTheSameStatement()
{
    auto outer = m_db->database().runCached(userRoles(), {uuidText(m_db->tenantId()), Users::Owner});
    STEWARD_VERIFY_OK(outer);
    // While the first is still held, the same statement runs apart and answers for itself.
    QCOMPARE(roles(Users::Viewer), QStringList{u"viewer"_s});
    if (!m_db->isTeamDatabase()) {
        // An embedded file reads both at once; a team database's driver streams only the latest.
        QVERIFY(outer.value()->next());
        QCOMPARE(outer.value()->value(0).toString(), u"data_owner"_s);
    }
    QCOMPARE(roles(Users::Steward), QStringList{u"metadata_steward"_s});
}

void StatementCacheTest::manyStatementsAreEvicted()
{
    // More distinct statements than the connection keeps, then the first again.
    for (int i = 0; i < 40; ++i) {
        auto query = m_db->database().runCached(u"SELECT ? + %1"_s.arg(i), {1});
        STEWARD_VERIFY_OK(query);
        QVERIFY(query.value()->next());
        QCOMPARE(query.value()->value(0).toInt(), i + 1);
    }
    QCOMPARE(roles(Users::Owner), QStringList{u"data_owner"_s});
    auto first = m_db->database().runCached(u"SELECT ? + 0"_s, {5});
    STEWARD_VERIFY_OK(first);
    QVERIFY(first.value()->next());
    QCOMPARE(first.value()->value(0).toInt(), 5);
}

void StatementCacheTest::sessionResetIsRecovered()
{
    QCOMPARE(roles(Users::Owner), QStringList{u"data_owner"_s});
    // The server forgets the session's prepared statements (a pooler's reset does this).
    if (m_db->isTeamDatabase())
        STEWARD_VERIFY_OK(m_db->database().run(u"DEALLOCATE ALL"_s));
    QCOMPARE(roles(Users::Owner), QStringList{u"data_owner"_s});
}

void StatementCacheTest::finishedQueryHoldsNoSnapshot()
{
    auto grants = [&]() -> int {
        auto count = m_db->database().run(u"SELECT COUNT(*) FROM mdm_user_role WHERE tenant_id = ?"_s,
                                          {uuidText(m_db->tenantId())});
        return count && count.value().next() ? count.value().value(0).toInt() : -1;
    };
    const int before = grants();
    QVERIFY(before > 0);

    // Read one row of several and let the rows go...
    {
        auto query = m_db->database().runCached(
            u"SELECT user_id FROM mdm_user_role WHERE tenant_id = ? ORDER BY user_id"_s, {uuidText(m_db->tenantId())});
        STEWARD_VERIFY_OK(query);
        QVERIFY(query.value()->next());
    }
    // ...then another connection writes, and this one sees it.
    std::unique_ptr<Database> second;
    Database *writer = &m_db->fixture();
    if (!m_db->isTeamDatabase()) {
        auto opened = Database::open(m_db->url());
        STEWARD_VERIFY_OK(opened);
        second = std::move(opened.value());
        writer = second.get();
    }
    STEWARD_VERIFY_OK(writer->run(u"INSERT INTO mdm_user_role (tenant_id, user_id, role, display_name) "
                                  u"VALUES (?, 'late.joiner', 'viewer', 'Late')"_s,
                                  {uuidText(m_db->tenantId())}));
    QCOMPARE(grants(), before + 1);
}

QTEST_GUILESS_MAIN(StatementCacheTest)
#include "tst_statementcache.moc"
