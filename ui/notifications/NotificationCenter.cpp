#include "NotificationCenter.h"

#include "NotificationModel.h"
#include "Session.h"
#include "Settings.h"
#include "alerts/AlertRepository.h"
#include "events/EventBus.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

alerts::Notification alertFromEvent(const Event &event)
{
    alerts::Notification alert;
    alert.kind = alerts::Notification::Kind::Alert;
    alert.id = QUuid::fromString(event.payload.value(u"alertId"_s).toString());
    alert.rule = event.payload.value(u"rule"_s).toString();
    alert.subjectKey = event.payload.value(u"canonicalKey"_s).toString();
    alert.severity = event.payload.value(u"severity"_s).toString();
    if (const QJsonValue value = event.payload.value(u"value"_s); value.isDouble())
        alert.value = value.toDouble();
    alert.at = event.occurredAt;
    alert.unseen = true;
    return alert;
}

} // namespace

NotificationCenter::NotificationCenter(const AppServices &services, Session &session, Settings &settings,
                                       QObject *parent)
    : QObject(parent), m_services(services), m_session(session), m_settings(settings),
      m_model(new NotificationModel(this))
{
    qRegisterMetaType<steward::alerts::Notification>();
    // Alerts and decisions are what the bell counts.
    connect(&services.bus, &EventBus::alertChanged, this, &NotificationCenter::onNews);
    connect(&services.bus, &EventBus::approvalDecided, this, &NotificationCenter::onNews);
    connect(&services.bus, &EventBus::batchPublished, this, &NotificationCenter::onBatch);
    connect(&session, &Session::tenantChanged, this, &NotificationCenter::onSessionChanged);
    connect(&session, &Session::userChanged, this, &NotificationCenter::onSessionChanged);
    onSessionChanged();
}

void NotificationCenter::openList()
{
    m_listOpen = true;
    m_listSeenFrom = seenMark();
    loadList();
    setSeenMark(m_listUpTo);
    refresh();
}

void NotificationCenter::closeList()
{
    if (!m_listOpen)
        return;
    m_listOpen = false;
    setSeenMark(m_listUpTo);
    refresh();
}

bool NotificationCenter::acknowledge(const QUuid &alertId)
{
    if (auto failure = m_services.alerts.acknowledge(m_session.tenant().id, alertId, m_session.user().id)) {
        Q_EMIT failed(failure->text());
        return false;
    }
    if (m_listOpen)
        loadList();
    refresh();
    return true;
}

void NotificationCenter::onNews(const Event &event)
{
    if (event.tenantId != m_session.tenant().id)
        return;
    m_stale = true;
    if (event.kind() == EventKind::AlertFired)
        Q_EMIT alertFired(alertFromEvent(event));
}

void NotificationCenter::onBatch(const QUuid &tenantId)
{
    if (!m_stale || tenantId != m_session.tenant().id)
        return;
    m_stale = false;
    if (m_listOpen)
        loadList();
    refresh();
}

void NotificationCenter::onSessionChanged()
{
    m_stale = false;
    m_listUpTo = 0;
    // A first look at a tenant starts from now: its history is no news.
    if (!m_settings.value(Settings::Key::NotificationsSeenUpTo).toMap().contains(markKey())) {
        auto latest = m_services.notifications.latestSeq(m_session.tenant().id);
        if (latest)
            setSeenMark(latest.value());
    }
    m_listSeenFrom = seenMark();
    if (m_listOpen)
        loadList();
    refresh();
}

void NotificationCenter::refresh()
{
    auto counts = m_services.notifications.counts(m_session.tenant().id, m_session.user().id, seenMark());
    if (!counts) {
        Q_EMIT failed(counts.error().text());
        return;
    }
    m_counts = counts.value();
    Q_EMIT countsChanged();
}

void NotificationCenter::loadList()
{
    // The mark first: whatever the page holds is at most this new.
    auto latest = m_services.notifications.latestSeq(m_session.tenant().id);
    // While the list is open, what was new when it opened stays marked new.
    auto page = m_services.notifications.page(m_session.tenant().id, m_session.user().id,
                                              m_listOpen ? m_listSeenFrom : seenMark());
    if (!latest || !page) {
        Q_EMIT failed(!latest ? latest.error().text() : page.error().text());
        return;
    }
    m_listUpTo = latest.value();
    QHash<QString, QString> names;
    for (const User &user : m_session.users())
        names.insert(user.id, user.displayName);
    m_model->setItems(page.value(), names, QDateTime::currentDateTimeUtc());
}

QString NotificationCenter::markKey() const
{
    return m_session.tenant().id.toString(QUuid::WithoutBraces) + u'/' + m_session.user().id;
}

qint64 NotificationCenter::seenMark() const
{
    return m_settings.value(Settings::Key::NotificationsSeenUpTo).toMap().value(markKey()).toLongLong();
}

void NotificationCenter::setSeenMark(qint64 seq)
{
    QVariantMap marks = m_settings.value(Settings::Key::NotificationsSeenUpTo).toMap();
    if (marks.contains(markKey()) && marks.value(markKey()).toLongLong() >= seq)
        return;
    marks.insert(markKey(), seq);
    m_settings.setValue(Settings::Key::NotificationsSeenUpTo, marks);
}

} // namespace steward
