package org.gridgov.geo;

/**
 * Conversions between WGS-84 (GPS; what gridgov's geometry uses), GCJ-02 (国测局坐标, "Mars
 * coordinates": what Chinese map apps such as Amap/高德, Tencent and Google Maps in China report) and
 * BD-09 (Baidu's further offset of GCJ-02).
 *
 * <p><b>The formulas.</b> GCJ-02 is an obfuscation, not a datum: the forward transform is the
 * widely published reconstruction (Krasovsky 1940 ellipsoid, a = 6,378,245 m, e² =
 * 0.00669342162296594323, the trigonometric offset series of the "eviltransform" family of
 * open-source libraries). It is applied inside a bounding box of China (lon 72.004–137.8347, lat
 * 0.8293–55.8271) and is the identity outside it, as those libraries do; near the border the box is
 * only an approximation of where the offset applies. BD-09 is the published Baidu formula on top of
 * GCJ-02.
 *
 * <p><b>Accuracy.</b> {@link #wgs84ToGcj02} and {@link #gcj02ToBd09} / {@link #bd09ToGcj02} are the
 * closed-form formulas; they match the published reference outputs (wandergis/coordtransform's
 * test, googollee/eviltransform's test points) to 1e-9 degree or better. The formulas themselves
 * reproduce the apps' coordinates to a metre or so (the obfuscation is rounded and noisy in the
 * apps). The inverse {@link #gcj02ToWgs84} has no closed form; it is solved by fixed-point
 * iteration until the forward transform reproduces the input to 1e-10 degree (about 0.01 mm), at
 * most 30 steps; the simple one-step inverse many libraries use is off by up to a few metres.
 *
 * <p>Deterministic: computed with {@link StrictMath}, so the same input gives the same bits on
 * every JVM.
 */
public final class ChinaCoordinates {
  private static final double A = 6_378_245.0;
  // The published constant 0.00669342162296594323, written as the double it rounds to.
  private static final double EE = 0.006693421622965943;
  private static final double PI = StrictMath.PI;
  private static final double X_PI = PI * 3000.0 / 180.0;
  private static final double INVERSE_TOLERANCE_DEGREES = 1e-10;
  private static final int INVERSE_MAX_STEPS = 30;

  private ChinaCoordinates() {}

  /**
   * Tells whether a point lies in the box inside which GCJ-02 differs from WGS-84.
   *
   * @param lon longitude in degrees
   * @param lat latitude in degrees
   * @return whether the GCJ-02 offset applies
   */
  public static boolean isInsideChinaBox(double lon, double lat) {
    return lon > 72.004 && lon < 137.8347 && lat > 0.8293 && lat < 55.8271;
  }

  /**
   * Converts WGS-84 to GCJ-02.
   *
   * @param lon WGS-84 longitude in degrees
   * @param lat WGS-84 latitude in degrees
   * @return the GCJ-02 coordinates (equal to the input outside {@link #isInsideChinaBox the China
   *     box})
   * @throws IllegalArgumentException if a coordinate is NaN or out of range
   */
  public static LonLat wgs84ToGcj02(double lon, double lat) {
    LonLat.check(lon, lat);
    if (!isInsideChinaBox(lon, lat)) {
      return new LonLat(lon, lat);
    }
    double[] d = offset(lon, lat);
    return new LonLat(lon + d[0], lat + d[1]);
  }

  /**
   * Converts GCJ-02 to WGS-84 by iteration (see the class description for the accuracy).
   *
   * @param lon GCJ-02 longitude in degrees
   * @param lat GCJ-02 latitude in degrees
   * @return the WGS-84 coordinates whose GCJ-02 image is the input within 1e-10 degree
   * @throws IllegalArgumentException if a coordinate is NaN or out of range
   */
  public static LonLat gcj02ToWgs84(double lon, double lat) {
    LonLat.check(lon, lat);
    if (!isInsideChinaBox(lon, lat)) {
      return new LonLat(lon, lat);
    }
    double wLon = lon;
    double wLat = lat;
    for (int step = 0; step < INVERSE_MAX_STEPS; step++) {
      double[] d = offset(wLon, wLat);
      double errLon = wLon + d[0] - lon;
      double errLat = wLat + d[1] - lat;
      if (Math.abs(errLon) < INVERSE_TOLERANCE_DEGREES
          && Math.abs(errLat) < INVERSE_TOLERANCE_DEGREES) {
        break;
      }
      wLon -= errLon;
      wLat -= errLat;
    }
    return new LonLat(wLon, wLat);
  }

  /**
   * Converts GCJ-02 to BD-09 (Baidu's published formula).
   *
   * @param lon GCJ-02 longitude in degrees
   * @param lat GCJ-02 latitude in degrees
   * @return the BD-09 coordinates
   * @throws IllegalArgumentException if a coordinate is NaN or out of range
   */
  public static LonLat gcj02ToBd09(double lon, double lat) {
    LonLat.check(lon, lat);
    double z = StrictMath.sqrt(lon * lon + lat * lat) + 0.00002 * StrictMath.sin(lat * X_PI);
    double theta = StrictMath.atan2(lat, lon) + 0.000003 * StrictMath.cos(lon * X_PI);
    return new LonLat(z * StrictMath.cos(theta) + 0.0065, z * StrictMath.sin(theta) + 0.006);
  }

  /**
   * Converts BD-09 to GCJ-02 (Baidu's published inverse; it is itself an approximation of the exact
   * inverse of {@link #gcj02ToBd09}, good to about 1e-6 degree).
   *
   * @param lon BD-09 longitude in degrees
   * @param lat BD-09 latitude in degrees
   * @return the GCJ-02 coordinates
   * @throws IllegalArgumentException if a coordinate is NaN or out of range
   */
  public static LonLat bd09ToGcj02(double lon, double lat) {
    LonLat.check(lon, lat);
    double x = lon - 0.0065;
    double y = lat - 0.006;
    double z = StrictMath.sqrt(x * x + y * y) - 0.00002 * StrictMath.sin(y * X_PI);
    double theta = StrictMath.atan2(y, x) - 0.000003 * StrictMath.cos(x * X_PI);
    return new LonLat(z * StrictMath.cos(theta), z * StrictMath.sin(theta));
  }

  /**
   * Converts BD-09 to WGS-84: {@link #bd09ToGcj02} then {@link #gcj02ToWgs84}.
   *
   * @param lon BD-09 longitude in degrees
   * @param lat BD-09 latitude in degrees
   * @return the WGS-84 coordinates
   * @throws IllegalArgumentException if a coordinate is NaN or out of range
   */
  public static LonLat bd09ToWgs84(double lon, double lat) {
    LonLat gcj = bd09ToGcj02(lon, lat);
    return gcj02ToWgs84(gcj.lon(), gcj.lat());
  }

  /** The GCJ-02 offset {dLon, dLat} at a WGS-84 point. */
  private static double[] offset(double lon, double lat) {
    double x = lon - 105.0;
    double y = lat - 35.0;
    double dLat = transformLat(x, y);
    double dLon = transformLon(x, y);
    double radLat = lat / 180.0 * PI;
    double magic = StrictMath.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = StrictMath.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * StrictMath.cos(radLat) * PI);
    return new double[] {dLon, dLat};
  }

  private static double transformLat(double x, double y) {
    double r =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * StrictMath.sqrt(Math.abs(x));
    r += (20.0 * StrictMath.sin(6.0 * x * PI) + 20.0 * StrictMath.sin(2.0 * x * PI)) * 2.0 / 3.0;
    r += (20.0 * StrictMath.sin(y * PI) + 40.0 * StrictMath.sin(y / 3.0 * PI)) * 2.0 / 3.0;
    r += (160.0 * StrictMath.sin(y / 12.0 * PI) + 320 * StrictMath.sin(y * PI / 30.0)) * 2.0 / 3.0;
    return r;
  }

  private static double transformLon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * StrictMath.sqrt(Math.abs(x));
    r += (20.0 * StrictMath.sin(6.0 * x * PI) + 20.0 * StrictMath.sin(2.0 * x * PI)) * 2.0 / 3.0;
    r += (20.0 * StrictMath.sin(x * PI) + 40.0 * StrictMath.sin(x / 3.0 * PI)) * 2.0 / 3.0;
    r +=
        (150.0 * StrictMath.sin(x / 12.0 * PI) + 300.0 * StrictMath.sin(x / 30.0 * PI)) * 2.0 / 3.0;
    return r;
  }
}
