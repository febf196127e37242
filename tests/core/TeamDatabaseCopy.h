#pragma once

// A team database of a test's own: a copy of the migrated template on the PostgreSQL
// server the CTest fixture started (tests/postgres/test-server.sh), dropped again when
// the copy goes. Each person of the fixtures and the demo has a login there.

#include "model/Error.h"
#include "store/Database.h"

#include <QThread>
#include <QUuid>
#include <memory>
#include <optional>

namespace steward::testing {

using namespace Qt::StringLiterals;

// The team database under test: STEWARD_TEST_POSTGRES names the migrated template on the
// server the CTest fixture started. Unset: the embedded SQLite store is under test.
inline std::optional<DatabaseUrl> postgresUnderTest()
{
    const QString text = qEnvironmentVariable("STEWARD_TEST_POSTGRES");
    if (text.isEmpty())
        return std::nullopt;
    auto url = DatabaseUrl::parse(text);
    if (!url)
        qFatal("STEWARD_TEST_POSTGRES is not a PostgreSQL URI: %s", qPrintable(url.error().text()));
    return url.value();
}

class TeamDatabaseCopy
{
public:
    // The schema's owner, who runs migrations and init-demo.
    static inline const QString OwnerLogin = u"steward_owner"_s;

    TeamDatabaseCopy() = default;
    TeamDatabaseCopy(const TeamDatabaseCopy &) = delete;
    TeamDatabaseCopy &operator=(const TeamDatabaseCopy &) = delete;
    ~TeamDatabaseCopy()
    {
        if (m_admin && !m_url.databaseName.isEmpty())
            (void)m_admin->run(u"DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)"_s.arg(m_url.databaseName));
    }

    // Copies `template_` (migrated) or template0 (empty) into a database of its own, owned
    // by the schema's owner. The copy waits while another test copies the same template.
    Status create(const DatabaseUrl &template_, bool migrated = true)
    {
        DatabaseUrl admin = template_;
        admin.user = u"postgres"_s;
        admin.databaseName = u"postgres"_s;
        auto adminConnection = Database::open(admin);
        if (!adminConnection)
            return Error::make(
                ErrorCode::Unavailable,
                u"the test PostgreSQL server is not running (%1); run the tests through ctest, which "
                u"starts it (apt-get install postgresql libqt6sql6-psql)"_s.arg(adminConnection.error().text()));
        m_admin = std::move(adminConnection.value());
        m_url = template_;
        m_url.databaseName = u"steward_t_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
        const QString source = migrated ? template_.databaseName : u"template0"_s;
        Status created;
        for (int attempt = 0; attempt < 100; ++attempt) {
            auto result = m_admin->run(
                u"CREATE DATABASE \"%1\" TEMPLATE \"%2\" OWNER %3"_s.arg(m_url.databaseName, source, OwnerLogin));
            created = result ? Status() : Status(result.error());
            if (!created || !created->message.contains(u"being accessed by other users"_s))
                break;
            QThread::msleep(50);
        }
        if (created)
            m_url.databaseName.clear(); // nothing to drop
        return created;
    }

    // The copy as the template's login connects to it.
    const DatabaseUrl &url() const { return m_url; }
    // The copy as `login` connects to it: a person's own login, the owner, the monitor.
    DatabaseUrl as(const QString &login) const
    {
        DatabaseUrl url = m_url;
        url.user = login;
        return url;
    }
    // The server's superuser, for what a test checks about the server itself.
    Database &admin() const { return *m_admin; }

private:
    DatabaseUrl m_url;
    std::unique_ptr<Database> m_admin;
};

} // namespace steward::testing
