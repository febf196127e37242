#include "Settings.h"

using namespace Qt::StringLiterals;

namespace steward {
namespace {

struct Entry
{
    Settings::Key key;
    QString name;
    QVariant defaultValue;
};

const Entry &entry(Settings::Key key)
{
    static const Entry entries[] = {
        {Settings::Key::LastTenant, u"session/lastTenant"_s, QString()},
        {Settings::Key::LastUser, u"session/lastUser"_s, QString()},
        {Settings::Key::WindowGeometry, u"window/geometry"_s, QByteArray()},
        {Settings::Key::ApprovalsSplitter, u"window/approvalsSplitter"_s, QByteArray()},
        {Settings::Key::MetricsEndpointEnabled, u"metrics/enabled"_s, false},
        {Settings::Key::MetricsEndpointBind, u"metrics/bind"_s, u"127.0.0.1"_s},
        {Settings::Key::MetricsEndpointPort, u"metrics/port"_s, 8787},
        {Settings::Key::MetricsEndpointTokenFile, u"metrics/tokenFile"_s, QString()},
        {Settings::Key::NotificationsSeenUpTo, u"notifications/seenUpTo"_s, QVariantMap()},
        {Settings::Key::ExportKind, u"export/kind"_s, u"approvals"_s},
        {Settings::Key::ExportFormat, u"export/format"_s, u"pdf"_s},
        {Settings::Key::ExportSections, u"export/sections"_s, QStringList()},
        {Settings::Key::ExportDirectory, u"export/directory"_s, QString()},
        {Settings::Key::ExportPeriodDays, u"export/periodDays"_s, 30},
    };
    return entries[int(key)];
}

} // namespace

Settings::Settings(const QString &fileName)
    : m_settings(fileName.isEmpty() ? std::make_unique<QSettings>()
                                    : std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
}

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    return m_settings->value(e.name, e.defaultValue);
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(entry(key).name, value);
}

} // namespace steward
