#include "Session.h"

#include "CliTr.h"
#include "model/Approval.h"
#include "store/DirectoryRepository.h"
#include "store/Migrator.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace steward {

Session::Session(std::unique_ptr<Database> database) : m_database(std::move(database)) {}

Result<std::unique_ptr<Session>> Session::open(const QString &databaseText, Create create)
{
    auto url =
        databaseText.isEmpty() ? Result<DatabaseUrl>(DatabaseUrl::userDefault()) : DatabaseUrl::parse(databaseText);
    if (!url)
        return url.error();
    if (create == Create::Never && url.value().kind == DatabaseUrl::Kind::Sqlite &&
        !QFileInfo::exists(url.value().path)) {
        const QString command =
            databaseText.isEmpty() ? u"steward-cli init-demo"_s : u"steward-cli --db %1 init-demo"_s.arg(databaseText);
        return Error::make(ErrorCode::Unavailable,
                           CliTr::tr("no database at %1; create one with: %2").arg(url.value().path, command));
    }

    auto database = Database::open(url.value());
    if (!database)
        return database.error();
    if (auto failed = Migrator(*database.value()).upgrade())
        return *failed;
    return std::unique_ptr<Session>(new Session(std::move(database.value())));
}

Status Session::selectTenant(const QString &tenantText, const QString &userId)
{
    if (auto failed = pickTenant(tenantText))
        return failed;
    return m_database->signIn(m_tenant.id, userId.isEmpty() ? m_database->url().user : userId);
}

Status Session::pickTenant(const QString &tenantText)
{
    auto tenants = DirectoryRepository(*m_database).tenants();
    if (!tenants)
        return tenants.error();
    if (tenants.value().isEmpty())
        return Error::make(ErrorCode::NotFound,
                           CliTr::tr("the database %1 has no tenants yet; try steward-cli init-demo")
                               .arg(m_database->url().toString()));
    if (tenantText.isEmpty()) {
        m_tenant = tenants.value().constFirst();
        return std::nullopt;
    }

    const QUuid id = QUuid::fromString(tenantText);
    QStringList known;
    for (const Tenant &tenant : tenants.value()) {
        if ((!id.isNull() && tenant.id == id) || tenant.name.compare(tenantText, Qt::CaseInsensitive) == 0) {
            m_tenant = tenant;
            return std::nullopt;
        }
        known.append(u"%1 (%2)"_s.arg(tenant.name, uuidText(tenant.id)));
    }
    return Error::make(ErrorCode::NotFound,
                       CliTr::tr("no tenant \"%1\"; known tenants: %2").arg(quotedInput(tenantText), known.join(u", "_s)));
}

Result<Actor> Session::actor(const QString &userId, const QString &commandName) const
{
    // On a team database a person acts as their own login.
    if (userId.isEmpty() && m_database->isTeamDatabase())
        return Actor{m_tenant.id, m_database->url().user};
    if (userId.isEmpty())
        return Error::make(ErrorCode::Invalid,
                           CliTr::tr("%1 acts as a user: pass --user ID or set STEWARD_USER").arg(commandName));
    return Actor{m_tenant.id, userId};
}

} // namespace steward
