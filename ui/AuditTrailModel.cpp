#include "AuditTrailModel.h"

#include "UiTr.h"
#include "store/EventRepository.h"

#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// The entity the event is about, for the subject column.
QString subject(const Event &event)
{
    for (const QString &key : {u"canonicalKey"_s, u"entityKey"_s}) {
        const QString value = event.payload.value(key).toString();
        if (!value.isEmpty()) {
            const QString reason = event.payload.value(u"reason"_s).toString();
            return reason.isEmpty() ? value : u"%1 — %2"_s.arg(value, reason);
        }
    }
    return QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)).left(160);
}

} // namespace

AuditTrailModel::AuditTrailModel(EventRepository &events, QObject *parent)
    : QAbstractTableModel(parent), m_repository(events)
{
}

void AuditTrailModel::setTenant(const QUuid &tenantId)
{
    m_tenantId = tenantId;
    reload();
}

void AuditTrailModel::reload()
{
    beginResetModel();
    m_events.clear();
    if (!m_tenantId.isNull()) {
        EventQuery query;
        query.limit = kInitialRows;
        query.newestFirst = true;
        auto events = m_repository.list(m_tenantId, query);
        if (events)
            m_events = events.value();
        else
            Q_EMIT loadFailed(events.error().text());
    }
    endResetModel();
}

void AuditTrailModel::append(const Event &event)
{
    if (event.tenantId != m_tenantId)
        return;
    beginInsertRows({}, 0, 0);
    m_events.prepend(event);
    endInsertRows();
}

int AuditTrailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditTrailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events.at(index.row());
    if (role == Qt::ToolTipRole)
        return QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Indented));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeqColumn: return event.seq;
    case TimeColumn: return QLocale().toString(event.occurredAt.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s);
    case TypeColumn: return event.type;
    case ActorColumn: return event.actorId;
    case RoleColumn: return event.actorRole;
    case SubjectColumn: return subject(event);
    default: return {};
    }
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn: return UiTr::tr("#");
    case TimeColumn: return UiTr::tr("Time");
    case TypeColumn: return UiTr::tr("Event");
    case ActorColumn: return UiTr::tr("Actor");
    case RoleColumn: return UiTr::tr("Role");
    case SubjectColumn: return UiTr::tr("Subject");
    default: return {};
    }
}

} // namespace steward
