terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "bootstrap/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

resource "aws_s3_bucket" "state" {
  bucket = "acme-terraform-state"
}

# Another bucket: not the state bucket, not checked.
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
