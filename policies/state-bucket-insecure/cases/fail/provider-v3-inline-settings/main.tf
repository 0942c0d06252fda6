terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "bootstrap/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

# AWS provider v3 style: encryption and versioning written inside the bucket.
resource "aws_s3_bucket" "state" {
  bucket = "acme-terraform-state"

  versioning {
    enabled = false
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }

  tags = {
    Environment = "prod"
    Owner       = "platform"
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket = aws_s3_bucket.state.id

  block_public_acls   = true
  block_public_policy = true
}
