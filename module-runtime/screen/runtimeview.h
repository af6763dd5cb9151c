// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <limits>

namespace neurorack::runtime {

/// One filled slot of the current bank, as the preset browser lists it.
struct PresetEntry {
    int slot = 0; ///< 0..127 (the screen shows it 1-based)
    QString name;

    friend bool operator==(const PresetEntry &, const PresetEntry &) = default;
};

/// One CV input as the home page shows it.
struct CvView {
    double volts = 0.0; ///< calibrated volts at the jack, −12 … +12
    QString target;     ///< what it drives, short: "richness", "morph", "pitch V/oct", "—"
    QString value;      ///< the resulting value with its unit: "+1200 Hz", "35 %", "+2.0 st"
};

/// One gate input as the home page shows it.
struct GateView {
    bool high = false; ///< after threshold and hysteresis
    QString action;    ///< what a rising edge does, short: "play", "play morph", "next", "—"
};

/// The user's calibration of one input and what it reads now. The runtime applies
/// calibrated = gain × raw + offset.
struct InputCalibrationView {
    double gain = 1.0;     ///< volts per raw volt
    double offset = 0.0;   ///< volts
    double rawVolts = 0.0; ///< the reading now, before calibration
};

/// Figures for the system page. Unknown values are NaN (or −1 for counts).
struct SystemStats {
    double cpuPercent = std::numeric_limits<double>::quiet_NaN();   ///< whole board, 0..100
    double temperatureC = std::numeric_limits<double>::quiet_NaN(); ///< SoC, °C; NaN when unknown
    double renderMs = std::numeric_limits<double>::quiet_NaN();     ///< the last impact render, ms
    qint64 xruns = 0;                                               ///< audio under-runs since start
    double memoryMb = std::numeric_limits<double>::quiet_NaN();     ///< resident memory of the runtime, MB
    qint64 uptimeS = 0;                                             ///< seconds since the runtime started
};

/// A plain snapshot of everything the screen shows. The runtime service fills one each
/// time something changes and hands it to Menu (for input) and ScreenPainter (for the
/// picture); neither keeps a reference to it.
struct RuntimeView {
    static constexpr int kCvCount = 4;
    static constexpr int kGateCount = 2;
    /// Calibrated inputs: CV 1–4 are 0..3, gate 1–2 are 4..5 (MenuAction::input uses the same).
    static constexpr int kInputCount = kCvCount + kGateCount;

    // Bank and preset
    QString bankName;            ///< display name of the current bank
    QString bankId;              ///< its id
    int presetSlot = -1;         ///< current slot 0..127, −1 when the bank is empty
    QString presetName;          ///< name of the current preset
    QList<PresetEntry> presets;  ///< the filled slots, ascending by slot
    QStringList banks;           ///< bank files on the module (file names, as LoadBank expects them)
    QString currentBank;         ///< the entry of `banks` that is loaded

    // Model
    QStringList models;          ///< model files on the module (file names, as LoadModel expects them)
    QString currentModel;        ///< the entry of `models` that is loaded
    QString modelName;           ///< from the model's metadata
    QString modelVersion;        ///< from the model's metadata
    QString modelDevice;         ///< where it runs: "cpu" or "cuda"

    // Live inputs
    std::array<CvView, kCvCount> cv{};
    std::array<GateView, kGateCount> gates{};

    // Morph (gate 2 in the original mapping)
    QString morphA;              ///< name of preset A
    QString morphB;              ///< name of preset B
    double morphAmount = 0.0;    ///< 0 (all A) … 1 (all B)

    double volumeDb = 0.0;       ///< output level, −60 … 0 dB

    std::array<InputCalibrationView, kInputCount> calibration{};

    // Mapping
    QString mappingId;           ///< "original", "alternative" or a bank's own
    QString mappingName;         ///< display name
    QStringList mappingLines;    ///< one short line per CV and gate: "CV1 richness ±3000 Hz"

    SystemStats stats;
    QString audioOutput;         ///< "PCM5102 hw:0 48 kHz / 64"
    QString usbState;            ///< "connected", "not connected", "receiving bank 40 %"
    QString panelBackend;        ///< "linux" or "sim"
    QString version;             ///< the runtime's version

    /// A message the user must see ("bank damaged: last good copy loaded"); shown as a
    /// banner on the home page until the user dismisses it (MenuAction::DismissNotice).
    QString notice;
    /// Work in progress ("loading model…"); shown in the title bar while not empty.
    QString busy;
};

} // namespace neurorack::runtime
