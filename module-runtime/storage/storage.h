// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"
#include "model/bank.h"
#include "settings.h"

#include <QString>
#include <QStringList>

namespace neurorack::runtime {

/// The module's data folder (`--data`, docs/runtime.md):
///
///     banks/NAME.json           banks, as Neurorack Studio saves them
///     banks/NAME.json.last-good the version before the last save
///     models/NAME.pt            model files
///     settings.json             Settings (+ settings.json.last-good)
///
/// Every write goes to a temporary file, is flushed to disk and renamed over the old
/// one, and the folder is flushed too, so power can be cut at any moment. A file that
/// loads is first copied to its ".last-good" twin; a damaged file at start-up is set
/// aside (".damaged") and replaced by that copy, and the caller is told.
class Storage
{
public:
    static constexpr auto kLastGoodSuffix = QLatin1String(".last-good");
    static constexpr auto kDamagedSuffix = QLatin1String(".damaged");
    static constexpr auto kFactoryBank = QLatin1String("factory.json");

    explicit Storage(QString dataDir);
    QString dataDir() const { return m_dir; }
    QString bankPath(const QString &name) const;
    QString modelPath(const QString &name) const;
    QString settingsPath() const;

    /// Creates the folders; writes the factory bank when it is missing, and gives a
    /// folder without models a copy of @p shippedModel (when there is one). Fails when
    /// the folder cannot be written.
    Status prepare(const QString &shippedModel);
    /// Bank and model file names, sorted.
    QStringList banks() const;
    QStringList models() const;

    /// Loads banks/@p name; when it is damaged, its last good copy (and @p notice says
    /// so). Fails when neither loads.
    Result<Bank> loadBank(const QString &name, QString *notice);
    Status saveBank(const QString &name, const Bank &bank);
    /// The saved settings, else their last good copy, else the defaults (and @p notice
    /// says why).
    Settings loadSettings(QString *notice);
    Status saveSettings(const Settings &settings);
    /// Flushes a folder's entries to disk, so that a rename in it survives a power cut.
    static void syncFolder(const QString &dir);

private:
    /// Copies @p path to its last-good twin when it loads (@p valid says whether bytes do).
    template<typename Valid>
    Result<QByteArray> loadWithFallback(const QString &path, Valid valid, QString *notice);
    Status writeAtomically(const QString &path, const QByteArray &bytes);

    QString m_dir;
};

} // namespace neurorack::runtime
