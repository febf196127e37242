#include "store/Database.h"

#include "Tr.h"
#include "model/Approval.h"
#include "store/PostgresDialect.h"
#include "store/SqliteDialect.h"
#include "store/SqliteStorageFailure.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"steward-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// Why a team database would not let us in, in words a person can act on.
Error connectError(const DatabaseUrl &url, const QSqlError &error)
{
    const QString text = error.text().trimmed();
    const QString where = u"%1@%2:%3/%4"_s.arg(url.user, url.host).arg(url.port).arg(url.databaseName);
    if (text.contains(u"no password supplied"_s) || text.contains(u"password authentication failed"_s))
        return Error::invalid(u"password"_s, CoreTr::tr("%1 needs a password (from ~/.pgpass, PGPASSWORD or the "
                                                         "prompt): %2")
                                                  .arg(where, text.section(u'\n', 0, 0)));
    return Error::make(ErrorCode::Unavailable,
                       CoreTr::tr("cannot connect to the team database %1: %2").arg(where, text.section(u'\n', 0, 0)));
}

} // namespace

Error databaseError(const QSqlError &error)
{
    const QString text = error.text().trimmed();
    if (text.contains(u"locked"_s) || text.contains(u"busy"_s))
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the database is busy; try again in a moment (%1)").arg(text));
    return Error::make(ErrorCode::Unavailable, CoreTr::tr("database error: %1").arg(text));
}

struct CachedStatement
{
    CachedStatement(QString text, const QSqlDatabase &connection) : sql(std::move(text)), query(connection)
    {
        query.setForwardOnly(true);
    }

    QString sql;
    QSqlQuery query;
    bool inUse = false;
};

namespace {

constexpr std::size_t kCachedStatements = 24;

} // namespace

CachedQuery::CachedQuery(QSqlQuery *query, CachedStatement *statement, std::unique_ptr<QSqlQuery> own)
    : m_query(query), m_statement(statement), m_own(std::move(own))
{
    if (m_statement)
        m_statement->inUse = true;
}

CachedQuery::CachedQuery(CachedQuery &&other) noexcept
    : m_query(std::exchange(other.m_query, nullptr)),
      m_statement(std::exchange(other.m_statement, nullptr)),
      m_own(std::move(other.m_own))
{
}

CachedQuery::~CachedQuery()
{
    if (m_query)
        m_query->finish();
    if (m_statement)
        m_statement->inUse = false;
}

Database::Database(DatabaseUrl url, std::unique_ptr<SqlDialect> dialect, QString connectionName)
    : m_url(std::move(url)), m_dialect(std::move(dialect)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    m_statements.clear(); // deallocated while the connection is still open
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url, const QString &password)
{
    std::unique_ptr<SqlDialect> dialect;
    if (url.kind == DatabaseUrl::Kind::Postgres)
        dialect = std::make_unique<PostgresDialect>();
    else
        dialect = std::make_unique<SqliteDialect>(url.path);
    if (!QSqlDatabase::isDriverAvailable(dialect->driverName()))
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the Qt SQL driver %1 is not installed").arg(dialect->driverName()));

    if (url.kind == DatabaseUrl::Kind::Sqlite) {
        const QFileInfo file(url.path);
        if (!file.absoluteDir().exists())
            return Error::make(ErrorCode::Unavailable,
                               CoreTr::tr("cannot open %1: the folder does not exist").arg(url.path));
    }

    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(url, std::move(dialect), name));
    QSqlDatabase db = QSqlDatabase::addDatabase(database->m_dialect->driverName(), name);
    database->m_dialect->configure(db);
    if (url.kind == DatabaseUrl::Kind::Postgres) {
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setDatabaseName(url.databaseName);
        db.setUserName(url.user);
        if (!password.isEmpty())
            db.setPassword(password);
        QStringList options{u"connect_timeout=10"_s, u"application_name=metadata-steward"_s};
        if (!url.sslMode.isEmpty())
            options.append(u"sslmode="_s + url.sslMode);
        db.setConnectOptions(options.join(u';'));
    } else {
        db.setDatabaseName(url.path);
    }
    if (!db.open()) {
        if (url.kind == DatabaseUrl::Kind::Postgres)
            return connectError(url, db.lastError());
        if (auto storage = SqliteStorageFailure(url.path).explain(db.lastError()))
            return *storage;
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("cannot open %1: %2").arg(url.path, db.lastError().text()));
    }
    for (const QString &statement : database->m_dialect->sessionStatements()) {
        if (auto result = database->run(statement); !result)
            return result.error();
    }
    return database;
}

Status Database::signIn(const QUuid &tenantId, const QString &userId)
{
    const QString statement = m_dialect->signInStatement();
    if (statement.isEmpty() || (tenantId == m_signedInTenant && userId == m_signedInUser))
        return std::nullopt;
    auto result = runCached(statement, {uuidText(tenantId), userId});
    if (!result)
        return result.error();
    m_signedInTenant = tenantId;
    m_signedInUser = userId;
    return std::nullopt;
}

Result<QStringList> Database::texts(const QString &sql, const QVariantList &values) const
{
    auto query = run(sql, values);
    if (!query)
        return query.error();
    QStringList texts;
    while (query.value().next())
        texts.append(query.value().value(0).toString());
    return texts;
}

Error Database::error(const QSqlError &error) const
{
    return m_dialect->translate(error);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &values) const
{
    const QSqlDatabase db = connection();
    // The driver closes a connection the server dropped: say so, rather than have it
    // refuse every later statement with no reason (and a warning of its own).
    if (!db.isOpen())
        return error(QSqlError(QString(), CoreTr::tr("the connection to the database was closed"),
                               QSqlError::ConnectionError));
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return error(query.lastError());
        return query;
    }
    if (!query.prepare(sql))
        return error(query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return error(query.lastError());
    return query;
}

Status Database::execute(QSqlQuery &query, const QVariantList &values) const
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return error(query.lastError());
    return std::nullopt;
}

Result<CachedQuery> Database::runCached(const QString &sql, const QVariantList &values) const
{
    auto found = std::find_if(m_statements.begin(), m_statements.end(),
                              [&](const std::unique_ptr<CachedStatement> &statement) { return statement->sql == sql; });
    if (found != m_statements.end() && (*found)->inUse) {
        // Its rows are still being read (the same statement nested in itself): run it apart.
        auto own = std::make_unique<QSqlQuery>(connection());
        own->setForwardOnly(true);
        if (!own->prepare(sql))
            return error(own->lastError());
        if (auto failed = execute(*own, values))
            return *failed;
        QSqlQuery *query = own.get();
        return CachedQuery(query, nullptr, std::move(own));
    }
    if (found == m_statements.end()) {
        if (m_statements.size() >= kCachedStatements) {
            auto idle = std::find_if(m_statements.begin(), m_statements.end(),
                                     [](const std::unique_ptr<CachedStatement> &statement) { return !statement->inUse; });
            if (idle != m_statements.end())
                m_statements.erase(idle);
        }
        auto statement = std::make_unique<CachedStatement>(sql, connection());
        if (!statement->query.prepare(sql))
            return error(statement->query.lastError());
        m_statements.push_back(std::move(statement));
        found = m_statements.end() - 1;
    } else {
        // The most recently used go last, so the first idle one is the one to evict.
        std::rotate(found, found + 1, m_statements.end());
        found = m_statements.end() - 1;
    }
    CachedStatement &statement = **found;
    if (auto failed = execute(statement.query, values)) {
        // The server no longer has it (the session was reset) or its result changed shape
        // (the schema was upgraded meanwhile): prepare it again, once.
        const QString state = statement.query.lastError().nativeErrorCode();
        if (state != u"26000"_s && state != u"0A000"_s)
            return *failed;
        if (!statement.query.prepare(sql))
            return error(statement.query.lastError());
        if (auto again = execute(statement.query, values))
            return *again;
    }
    return CachedQuery(&statement.query, &statement, nullptr);
}

} // namespace steward
