// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/descriptorcurves.h"

#include <QPointF>

#include <array>
#include <span>

namespace neurorack::studio {

/// One point of the descriptor map: a whole sound summed up as seven numbers in the
/// descriptors' physical units (LUFS, 0..1, Hz).
///
/// - loudness: the peak of the loudness curve, LUFS (how loud the impact gets);
/// - pitch: the median of the voiced frames, Hz, or NaN when no frame is voiced;
/// - the other five: their mean over the audible frames, each frame weighted by its
///   loudness as a linear amplitude, so that the attack counts more than the tail.
///   Audible frames are those within kAudibleRangeDb of the peak and above the
///   descriptor floor; a silent sound falls back to the plain mean of all frames.
struct MapPoint {
    /// Frames quieter than the peak by more than this are left out of the means, dB.
    static constexpr double kAudibleRangeDb = 40.0;

    std::array<double, kDescriptorCount> values{};

    double value(DescriptorId id) const { return values[static_cast<std::size_t>(id)]; }
    void setValue(DescriptorId id, double value) { values[static_cast<std::size_t>(id)] = value; }
    /// Whether the pitch value is a frequency (false: the sound is unvoiced).
    bool isVoiced() const;
    /// Value of @p id on its 0..1 slider (Descriptor::toNormalized); unvoiced pitch reads 0.
    double normalized(DescriptorId id) const;

    /// Sums @p curves up. Empty curves give every descriptor's neutral value and NaN pitch.
    static MapPoint summarize(const DescriptorCurves &curves);
};

/// A principal component analysis of map points, giving the "PCA 1" / "PCA 2" axes.
///
/// Each descriptor is first put on its slider scale (Descriptor::toNormalized: Hz in
/// log frequency, LUFS and 0..1 linearly), then standardised to zero mean and unit
/// variance over the fitted points, so that all seven weigh alike. Unvoiced pitch,
/// having no value, is replaced by the mean of the voiced points (0 once standardised).
/// A descriptor that does not vary contributes nothing. The two components are the
/// eigenvectors of the 7×7 correlation matrix with the largest eigenvalues (Jacobi
/// method); each is signed so that its largest loading is positive, so the same data
/// always give the same picture.
class Projection
{
public:
    using Vector = std::array<double, kDescriptorCount>;
    using Matrix = std::array<Vector, kDescriptorCount>;

    /// Eigenvalues in descending order and the matching unit eigenvectors.
    struct Eigen {
        Vector values{};
        Matrix vectors{}; ///< vectors[k] is the eigenvector of values[k]
    };
    /// Eigen-decomposition of the symmetric matrix @p m by cyclic Jacobi rotations.
    static Eigen symmetricEigen(const Matrix &m);

    /// Fits the projection to @p points. Fewer than two points give an invalid
    /// projection that maps everything to the origin.
    void fit(std::span<const MapPoint> points);
    bool isValid() const { return m_valid; }

    /// Coordinates of @p point on the two principal components (standardised units).
    QPointF project(const MapPoint &point) const;
    /// The standardised slider-space vector of @p point that project() multiplies.
    Vector standardized(const MapPoint &point) const;

    /// Principal axis @p component (0 or 1): a unit vector over the seven descriptors.
    const Vector &component(int component) const { return m_components[static_cast<std::size_t>(component)]; }
    /// Variance of the fitted points along axis @p component.
    double variance(int component) const { return m_variances[static_cast<std::size_t>(component)]; }
    /// Share (0..1) of the total variance along axis @p component.
    double varianceRatio(int component) const;

private:
    bool m_valid = false;
    Vector m_mean{};
    Vector m_scale{}; ///< 1 / standard deviation, or 0 for a constant descriptor
    double m_pitchMean = 0.0; ///< slider-space pitch given to unvoiced points
    std::array<Vector, 2> m_components{};
    std::array<double, 2> m_variances{};
    double m_totalVariance = 0.0;
};

} // namespace neurorack::studio
