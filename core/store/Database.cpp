#include "store/Database.h"

#include "Tr.h"
#include "store/SqliteDialect.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"steward-%1"_s.arg(counter.fetchAndAddRelaxed(1));
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

Database::Database(DatabaseUrl url, std::unique_ptr<SqlDialect> dialect, QString connectionName)
    : m_url(std::move(url)), m_dialect(std::move(dialect)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url)
{
    if (url.kind == DatabaseUrl::Kind::Postgres)
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("team mode on PostgreSQL is not available in this build yet"));

    auto dialect = std::make_unique<SqliteDialect>();
    if (!QSqlDatabase::isDriverAvailable(dialect->driverName()))
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the Qt SQL driver %1 is not installed").arg(dialect->driverName()));

    const QFileInfo file(url.path);
    if (!file.absoluteDir().exists())
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("cannot open %1: the folder does not exist").arg(url.path));

    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(url, std::move(dialect), name));
    QSqlDatabase db = QSqlDatabase::addDatabase(database->m_dialect->driverName(), name);
    database->m_dialect->configure(db);
    db.setDatabaseName(url.path);
    if (!db.open())
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("cannot open %1: %2").arg(url.path, db.lastError().text()));
    for (const QString &statement : database->m_dialect->sessionStatements()) {
        if (auto result = database->run(statement); !result)
            return result.error();
    }
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return databaseError(query.lastError());
    return query;
}

} // namespace steward
