package ai.kinitro.env;

/** Element types of tensors, named as NumPy names them on the wire. */
public enum DType {
  FLOAT32("float32"),
  FLOAT64("float64"),
  INT64("int64"),
  UINT8("uint8");

  private final String wireName;

  DType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
