#pragma once

#include "AppServices.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace steward {

class Session;
class Settings;

// File > Preferences: the tenant's alert thresholds (stored in the database, so every
// desktop and steward-cli use them from the next profile run; only a metadata steward
// may change them) and this desktop's metrics endpoint (read at the next start). OK stays
// disabled while anything is invalid, with the reason shown beside the fields.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(const AppServices &services, const Session &session, Settings &settings,
                      QWidget *parent = nullptr);

    void accept() override;

private:
    void load();
    void restoreDefaults();
    void validate();
    QString thresholdProblem() const;
    QString metricsProblem() const;

    bool saveThresholds();

    AppServices m_services;
    const Session &m_session;
    Settings &m_settings;
    bool m_mayChangeThresholds = false;
    QDoubleSpinBox *m_fireBelowSpin;
    QDoubleSpinBox *m_resolveAtSpin;
    QDoubleSpinBox *m_maxDropSpin;
    QLabel *m_thresholdProblemLabel;
    QLabel *m_thresholdOwnerLabel;
    QCheckBox *m_metricsEnabledCheck;
    QLineEdit *m_bindEdit;
    QSpinBox *m_portSpin;
    QLineEdit *m_tokenFileEdit;
    QLabel *m_metricsProblemLabel;
    QLabel *m_exposureLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace steward
