#pragma once

#include <QSettings>
#include <QVariant>

#include <memory>

namespace steward {

// Typed user settings: every key is an enum value with one name and one default,
// so a misspelt key cannot compile. Tests pass an isolated file.
class Settings
{
public:
    enum class Key {
        LastTenant,
        LastUser,
        WindowGeometry,
        ApprovalsSplitter,
        MetricsEndpointEnabled,
        MetricsEndpointBind,
        MetricsEndpointPort,
        MetricsEndpointTokenFile, // the bearer token /metrics requires; empty: $STEWARD_METRICS_TOKEN or none
        NotificationsSeenUpTo, // per "tenant/user": the newest event seq seen in the bell (a map)
        ExportKind,
        ExportFormat,
        ExportSections,
        ExportDirectory,
        ExportPeriodDays,
    };

    // The user's settings (QSettings defaults), or a file of its own for tests.
    explicit Settings(const QString &fileName = {});

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace steward
