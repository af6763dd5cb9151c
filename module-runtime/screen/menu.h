// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "screen/runtimeview.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace neurorack::runtime {

/// What the user asked for through the menu; the runtime service carries it out and
/// shows the result in the next RuntimeView. Fields a kind does not use keep their
/// defaults.
struct MenuAction {
    enum class Kind {
        SelectPreset,   ///< slot, name (the preset's name)
        LoadBank,       ///< name: an entry of RuntimeView::banks
        LoadModel,      ///< name: an entry of RuntimeView::models
        SetVolume,      ///< value: dB, −60 … 0, whole dB
        SetMapping,     ///< name: factory mapping id ("original", "alternative")
        SetCalibration, ///< input (0..3 CV, 4..5 gates), gain, offset
        DismissNotice,  ///< the notice banner was acknowledged
    };

    Kind kind = Kind::DismissNotice;
    int slot = -1;       ///< SelectPreset: 0..127
    QString name;        ///< see Kind
    double value = 0.0;  ///< SetVolume: dB
    int input = -1;      ///< SetCalibration: 0..3 CV 1–4, 4..5 gate 1–2
    double gain = 1.0;   ///< SetCalibration: volts per raw volt
    double offset = 0.0; ///< SetCalibration: volts (calibrated = gain × raw + offset)

    friend bool operator==(const MenuAction &, const MenuAction &) = default;
};

/// One row of a menu list, as the screen draws it.
struct MenuRow {
    QString label;       ///< left, large
    QString detail;      ///< right, small and dim (live reading, "current"…); may be empty
    bool active = false; ///< the entry in use now (current preset, bank, model, mapping)
};

/// The screen's navigation: a pure state machine driven by the encoder (turn), its push
/// button (press) and a long press (back to Home). It paints nothing and owns no Qt
/// objects; each input takes the latest RuntimeView and may return an action for the
/// runtime service to carry out.
///
/// Choices made here:
/// - Turning on Home selects the previous/next filled preset at once and wraps around
///   the bank's ends, so that a long bank can be left from either end; lists clamp,
///   so that the cursor stops on "Back" instead of jumping to the top.
/// - Picking a preset, bank or model loads it and returns Home, where the result (or the
///   busy and notice texts) shows. Picking a mapping stays on the mapping page so that
///   its description updates in place.
/// - Volume emits SetVolume at every 1 dB step; a turn that hits −60 or 0 emits nothing.
/// - Calibration is two-point: calibrated = gain × raw + offset with gain = 5 V /
///   (raw₅ − raw₀) and offset = −gain × raw₀. Readings less than kMinCalibrationSpan
///   apart (nothing patched, or 0 V and 5 V swapped) are refused with a message.
class Menu
{
    Q_DECLARE_TR_FUNCTIONS(Menu)

public:
    enum class Page {
        Home,             ///< bank, preset, CVs, gates, morph
        MainMenu,         ///< the list of pages and Back
        Presets,          ///< the bank's filled slots; press selects
        Banks,            ///< bank files; press loads
        Mapping,          ///< the current mapping and the two factory ones; press sets
        Model,            ///< model files; press loads
        Volume,           ///< turn edits in dB; press returns
        Calibration,      ///< the six inputs; press opens CalibrateInput
        CalibrateInput,   ///< two-point calibration of one input, or reset
        System,           ///< CPU, temperature, render time, xruns, memory, uptime, audio, USB
        About,            ///< versions and licence
    };

    /// The steps of calibrating one input (Page::CalibrateInput).
    enum class CalibrationStep {
        Zero, ///< waiting for 0 V at the input; also offers reset
        Five, ///< 0 V measured; waiting for +5 V (a gate held high)
        Done, ///< gain and offset computed and sent
    };

    static constexpr double kMinVolumeDb = -60.0;
    static constexpr double kMaxVolumeDb = 0.0;
    static constexpr double kVolumeStepDb = 1.0;
    /// The calibration reference: the second point is this many volts.
    static constexpr double kCalibrationVolts = 5.0;
    /// Raw readings of 0 V and 5 V closer than this are refused (gain above 10).
    static constexpr double kMinCalibrationSpan = 0.5;
    /// Rows a plain list shows at once; pages with text above the list show fewer.
    static constexpr int kListRows = 7;

    /// The factory mappings the mapping page offers, in order.
    static const QStringList &factoryMappingIds();

    /// The encoder moved @p steps detents (positive: clockwise).
    std::optional<MenuAction> turn(int steps, const RuntimeView &view);
    /// A short press of the encoder's button.
    std::optional<MenuAction> press(const RuntimeView &view);
    /// A long press: back to Home from anywhere, abandoning a calibration in progress.
    std::optional<MenuAction> longPress(const RuntimeView &view);

    Page page() const { return m_page; }
    /// The selected row of the current list (0 on pages without one).
    int cursor() const { return m_cursor; }
    /// The first row on screen; the list scrolls to keep the cursor visible.
    int firstVisibleRow() const { return m_top; }
    /// How many rows the current page shows at once (0 on pages without a list).
    int visibleRows() const { return visibleRows(m_page); }
    static int visibleRows(Page page);

    /// The page's title, for the title bar.
    QString title(const RuntimeView &view) const;
    /// The current page's list, in order; empty for Home, Volume, System and About.
    QList<MenuRow> rows(const RuntimeView &view) const;

    /// The volume being edited on the Volume page, dB.
    double volumeDb() const { return m_volumeDb; }

    /// The input being calibrated (0..5), −1 outside calibration.
    int calibrationInput() const { return m_calInput; }
    CalibrationStep calibrationStep() const { return m_calStep; }
    /// The raw reading taken at 0 V (valid from CalibrationStep::Five on).
    double calibrationZeroRaw() const { return m_calZeroRaw; }
    /// What the last calibration sent (valid at CalibrationStep::Done).
    double calibrationGain() const { return m_calGain; }
    double calibrationOffset() const { return m_calOffset; }
    /// A message for the calibration page ("readings too close…"), empty when none.
    QString calibrationMessage() const { return m_calMessage; }
    /// Whether calibrationMessage() is an error (drawn in the warning colour).
    bool calibrationMessageIsError() const { return m_calMessageIsError; }
    /// The instruction for the current calibration step.
    QString calibrationInstruction() const;

    /// @p value with @p decimals and a real minus sign (U+2212), which reads better than a
    /// hyphen on the screen; with @p plusSign, positive values get "+" (zero never has a sign).
    static QString numberText(double value, int decimals, bool plusSign = false);
    /// The name of input @p input (0..5): "CV 1" … "Gate 2".
    static QString inputName(int input);

private:
    std::optional<MenuAction> pressList(const RuntimeView &view);
    std::optional<MenuAction> pressCalibrateInput(const RuntimeView &view);
    std::optional<MenuAction> turnHome(int steps, const RuntimeView &view);
    void enter(Page page, const RuntimeView &view);
    void goHome();
    void setCursor(int row, int rowCount);
    void clampCursor(const RuntimeView &view);
    int rowCount(const RuntimeView &view) const;
    /// The row of the entry in use now on the page, or −1.
    int activeRow(const RuntimeView &view) const;

    Page m_page = Page::Home;
    int m_cursor = 0;
    int m_top = 0;
    int m_mainCursor = 0; ///< where the main menu's cursor was, for coming back to it
    double m_volumeDb = 0.0;
    int m_calInput = -1;
    CalibrationStep m_calStep = CalibrationStep::Zero;
    double m_calZeroRaw = 0.0;
    double m_calGain = 1.0;
    double m_calOffset = 0.0;
    QString m_calMessage;
    bool m_calMessageIsError = false;
};

} // namespace neurorack::runtime
