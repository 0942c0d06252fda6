# A sensitive tag value that does not match the required pattern still fails.
variable "cost_center" {
  type      = string
  sensitive = true
  default   = "marketing"
}

resource "aws_s3_bucket" "reports" {
  bucket = "reports"
  tags = {
    CostCenter = var.cost_center
  }
}
