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
